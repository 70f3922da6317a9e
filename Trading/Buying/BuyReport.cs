using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Buying;

/// <summary>The buy as it stands after a step, what to tell, and the position it made, if any.</summary>
public sealed record BuyReport(BuyOutcome Outcome, Buy Buy, Position? Position = null);
