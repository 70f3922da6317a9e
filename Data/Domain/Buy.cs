namespace DMarketAspire.Data.Domain;

/// <summary>
/// One buy intent, recorded before anything is sent: the user's confirmation moves it from Proposed to Sending exactly
/// once (a conditional update), and an answer that never came leaves it Sending/Unknown until reconciled against the
/// account's inventory and the market. It is never re-sent: a new buy needs a new confirmation.
/// </summary>
public sealed class Buy
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public long? OpportunityId { get; set; }

    public required string OfferId { get; set; }

    /// <summary>DMarket's asset id of the listed item (kept across owners): how reconciliation finds it in the inventory.</summary>
    public string? AssetId { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    /// <summary>The listing's exact price, the only price the buy is sent at.</summary>
    public long PriceCents { get; set; }

    /// <summary>What the scanner expected it to resell for, before the fee; null when bought from an offer id alone.</summary>
    public long? ResaleCents { get; set; }

    public long? ExpectedProfitCents { get; set; }

    public BuyStatus Status { get; set; }

    /// <summary>Where it was confirmed: <c>telegram</c> or <c>api</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The Api caller's idempotency key: the same key is the same buy.</summary>
    public string? RequestKey { get; set; }

    public string? OrderId { get; set; }

    public string? TxId { get; set; }

    /// <summary>DMarket's reason code, or this app's (keys refused, not enough balance, not answering).</summary>
    public string? FailReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>When reconciliation looks again (Sending with no answer, or Unknown).</summary>
    public DateTimeOffset? NextCheckAt { get; set; }

    public int Checks { get; set; }

    /// <summary>The chat message holding the confirmation, edited into the outcome.</summary>
    public int? MessageId { get; set; }
}
