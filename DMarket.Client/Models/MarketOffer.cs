namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A listing as the v2 storefront (<c>/marketplace-api/v2/offers</c>) shows it.</summary>
public sealed record MarketOffer(string OfferId, string GameId, string Title, long PriceCents, DateTimeOffset CreatedAt, bool Locked, ItemAttributes Attributes);
