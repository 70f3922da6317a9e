using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Selling;

/// <summary>The position after a listing step, what to tell, and DMarket's code when it refused.</summary>
public sealed record ListingReport(ListingOutcome Outcome, Position? Position, string? Code = null);
