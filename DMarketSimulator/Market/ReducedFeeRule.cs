namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A reduced seller fee for a title within a price window, until it expires.</summary>
public sealed record ReducedFeeRule(string Title, decimal Fraction, long MinPriceCents, long MaxPriceCents, DateTimeOffset ExpiresAt);
