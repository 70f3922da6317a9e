namespace DMarketAspire.DMarket.Client.Models;

/// <summary>An item listed for sale (exchange <c>market/items</c>); <see cref="OfferId"/> is what <c>offers-buy</c> takes.</summary>
public sealed record MarketItem(
    string ItemId,
    string OfferId,
    string GameId,
    string Title,
    long PriceCents,
    long? SuggestedPriceCents,
    long? InstantPriceCents,
    decimal? SellFeePercent,
    ItemAttributes Attributes,
    bool Tradable,
    DateTimeOffset CreatedAt);
