namespace DMarketAspire.Data.Domain;

/// <summary>
/// A sale of the user's item DMarket closed (<c>user-offers/closed</c>), matched to its position: realized profit is
/// the sale price minus the fee DMarket actually charged minus the cost, when the cost is known.
/// </summary>
public sealed class Trade
{
    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>DMarket's id of the listing that sold: one trade per listing, however often the sync reads it.</summary>
    public required string OfferId { get; set; }

    public string? AssetId { get; set; }

    public long? PositionId { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public long PriceCents { get; set; }

    public long FeeCents { get; set; }

    public long? CostCents { get; set; }

    /// <summary>Price − fee − cost; null while the cost is unknown.</summary>
    public long? ProfitCents { get; set; }

    public DateTimeOffset ClosedAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
