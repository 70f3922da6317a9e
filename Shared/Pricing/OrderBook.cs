namespace DMarketAspire.Pricing;

/// <summary>The best buy order (the price one can sell at instantly) and the best offer, with their depths.</summary>
public readonly record struct OrderBook(long? BestBuyOrderCents, long BuyOrderCount, long? BestOfferCents, long OfferCount);
