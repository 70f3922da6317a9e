namespace DMarketAspire.Api.Model;

/// <summary>A title's price series (order book and sales median per snapshot) and its sales, oldest first; cents.</summary>
public sealed record ItemHistory(string GameId, string Title, IReadOnlyList<ItemHistory.PricePoint> Prices, IReadOnlyList<ItemHistory.SalePoint> Sales)
{
    public sealed record PricePoint(DateTimeOffset At, long? BestOfferCents, long? BestBuyOrderCents, long? MedianSaleCents);

    public sealed record SalePoint(DateTimeOffset At, long PriceCents, string OperationType);
}
