namespace DMarketAspire.Scanner.Scanning;

/// <summary>A listing that looks underpriced on a title with no cached sales, with how promising it looks and whether it is under the best bid.</summary>
public readonly record struct WaitingListing(Listing Listing, double Promise, bool UnderBid);
