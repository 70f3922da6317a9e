namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A game's seller fees: the default fraction and the reduced fees per title (customized-fees).</summary>
public sealed record FeeTable(decimal DefaultFraction, long DefaultMinAmount, IReadOnlyList<ReducedFee> ReducedFees);
