using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>A listing to price: the offer, its title, price, when it was listed and what the item is.</summary>
public sealed record Listing(string OfferId, string Title, long PriceCents, DateTimeOffset ListedAt, ItemAttributes Attributes);
