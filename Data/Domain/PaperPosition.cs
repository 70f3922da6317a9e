namespace DMarketAspire.Data.Domain;

/// <summary>
/// An item paper mode bought: filled only when the listing was still on the market at its price when the buy would have
/// arrived, and sold only when the market showed a sale at or above its ask after it was listed. Kept apart from the
/// real positions and profit.
/// </summary>
public sealed class PaperPosition
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public long DecisionId { get; set; }

    public required string OfferId { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public long CostCents { get; set; }

    public DateTimeOffset BoughtAt { get; set; }

    public long? ListPriceCents { get; set; }

    public DateTimeOffset? ListedAt { get; set; }

    /// <summary>When a sale at or above the ask was last looked for.</summary>
    public DateTimeOffset? CheckedAt { get; set; }

    public long? SoldPriceCents { get; set; }

    public long? FeeCents { get; set; }

    /// <summary>Sold price − fee − cost.</summary>
    public long? ProfitCents { get; set; }

    public DateTimeOffset? SoldAt { get; set; }
}
