using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// A listing to price: the offer, its title, price, when it was listed (default: not known, an old listing a sweep met),
/// what the item is, and when a page of the market last showed it (default: not known, taken as long ago).
/// </summary>
public sealed record Listing(string OfferId, string Title, long PriceCents, DateTimeOffset ListedAt, ItemAttributes Attributes, DateTimeOffset SeenAt = default);
