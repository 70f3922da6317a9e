namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>One listing of a title, for a test to see what competes with an account's own listing.</summary>
public sealed record TitleListing(string OfferId, long PriceCents, bool ByAccount);
