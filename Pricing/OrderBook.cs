using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.Pricing;

/// <summary>The best buy order (the price one can sell at instantly) and the best offer, with their depths.</summary>
public readonly record struct OrderBook(long? BestBuyOrderCents, long BuyOrderCount, long? BestOfferCents, long OfferCount)
{
    /// <summary>A title's book as DMarket's aggregated prices give it.</summary>
    public static OrderBook Of(AggregatedPrice price) => new(price.BestBuyOrderCents, price.BuyOrderCount, price.BestOfferCents, price.OfferCount);

    /// <summary>No listing of the title asks this price or less: one that did has left (sold, delisted or repriced up).</summary>
    public bool HasNoOfferAtOrUnder(long priceCents) => OfferCount == 0 || BestOfferCents > priceCents;
}
