namespace DMarketAspire.Data.Domain;

/// <summary>A title's order book and sales summary at one moment: the price history the Api charts.</summary>
public sealed class PriceSnapshot
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public long? BestOfferCents { get; set; }

    public long OfferCount { get; set; }

    public long? BestBuyOrderCents { get; set; }

    public long BuyOrderCount { get; set; }

    /// <summary>The robust median of recent sales, when known.</summary>
    public long? MedianSaleCents { get; set; }

    public DateTimeOffset CapturedAt { get; set; }
}
