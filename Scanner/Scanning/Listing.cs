namespace DMarketAspire.Scanner.Scanning;

/// <summary>A listing to price: the offer, its title, price and when it was listed.</summary>
public sealed record Listing(string OfferId, string Title, long PriceCents, DateTimeOffset ListedAt);
