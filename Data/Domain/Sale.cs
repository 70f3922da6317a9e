namespace DMarketAspire.Data.Domain;

/// <summary>A completed sale of a title, from DMarket's trade aggregator.</summary>
public sealed class Sale
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public long PriceCents { get; set; }

    public DateTimeOffset SoldAt { get; set; }

    /// <summary>Offer (a listing bought), Order or Target (a buy order filled).</summary>
    public required string OperationType { get; set; }
}
