namespace DMarketAspire.Scanner.Scanning;

/// <summary>A listing waiting on its title's sales, as kept in Redis: the title's item id and its place in the sales queue.</summary>
public sealed record PendingListing(Listing Listing, long ItemId, double Priority);
