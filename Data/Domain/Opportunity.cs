namespace DMarketAspire.Data.Domain;

/// <summary>
/// An offer worth buying now to resell after the fee: one row per DMarket offer for its whole life
/// (found, updated by re-scans, gone), so re-scans never duplicate it.
/// </summary>
public sealed class Opportunity
{
    public long Id { get; set; }

    public required string OfferId { get; set; }

    public required string GameId { get; set; }

    public required string Level { get; set; }

    public required string Title { get; set; }

    public long ItemId { get; set; }

    public long BuyPriceCents { get; set; }

    /// <summary>What the item is expected to resell for (before the fee).</summary>
    public long ResaleCents { get; set; }

    public decimal FeeFraction { get; set; }

    public long ProfitCents { get; set; }

    public decimal ProfitPercent { get; set; }

    /// <summary>0–100: how quickly and reliably the title sells.</summary>
    public int Liquidity { get; set; }

    public long? BestBuyOrderCents { get; set; }

    public OpportunityAttributes Attributes { get; set; } = new();

    public OpportunityStatus Status { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? GoneAt { get; set; }

    public string? GoneReason { get; set; }

    public long LastScanId { get; set; }
}
