namespace DMarketAspire.DMarket.Client.Models;

/// <summary>The best bid (buy order) and ask (offer) for a title, with counts. A side with nothing on it is null.</summary>
public sealed record AggregatedPrice(string Title, long? BestBuyOrderCents, long BuyOrderCount, long? BestOfferCents, long OfferCount);
