namespace DMarketAspire.Data.Domain;

/// <summary>
/// A title's order book as the Scanner saw it last: one row per item, overwritten by every sweep and by newer fresh
/// listings. Price alerts watch it; <see cref="PriceSnapshot"/> keeps the history.
/// </summary>
public sealed class ItemPrice
{
    public long ItemId { get; set; }

    public long? BestOfferCents { get; set; }

    public long OfferCount { get; set; }

    public long? BestBuyOrderCents { get; set; }

    public long BuyOrderCount { get; set; }

    /// <summary>When DMarket answered with these figures: an older answer never overwrites a newer one.</summary>
    public DateTimeOffset ObservedAt { get; set; }
}
