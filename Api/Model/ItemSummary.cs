namespace DMarketAspire.Api.Model;

/// <summary>A title with its latest order book and sales median (cents), from the newest price snapshot.</summary>
public sealed record ItemSummary(string GameId, string Title, long? BestOfferCents, long? BestBuyOrderCents, long? MedianSaleCents, DateTimeOffset? PricedAt);
