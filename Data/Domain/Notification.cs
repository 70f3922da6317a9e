namespace DMarketAspire.Data.Domain;

/// <summary>
/// The bot's notifications outbox: one row per user and opportunity (unique), written in the same transaction that
/// advances the bot's read position in the opportunity outbox, or one per price alert crossing (unique), written in the
/// same transaction that disarms the alert; then sent once by the one sender.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public long? OpportunityId { get; set; }

    /// <summary>The opportunity outbox event that caused it (its time starts the event → message latency); 0 for an alert.</summary>
    public long EventId { get; set; }

    /// <summary>The price alert that fired; null once the user deleted it (then it is not sent).</summary>
    public long? AlertId { get; set; }

    /// <summary>Which crossing of the alert this is (its <see cref="PriceAlert.Crossings"/> after firing).</summary>
    public int? AlertCrossing { get; set; }

    /// <summary>The sale this tells.</summary>
    public long? TradeId { get; set; }

    /// <summary>The buy whose settled outcome this tells.</summary>
    public long? BuyId { get; set; }

    /// <summary>The autopilot decision this tells.</summary>
    public long? DecisionId { get; set; }

    /// <summary>The best offer that crossed the alert's threshold.</summary>
    public long? PriceCents { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public NotificationStatus Status { get; set; }

    /// <summary>Quiet hours at the user's: sent with <c>disable_notification</c>.</summary>
    public bool Silent { get; set; }

    /// <summary>Set in digest mode: sent with the user's other digest rows in one summary at this time.</summary>
    public DateTimeOffset? DigestDueAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whose claim this is: recording the outcome needs the same token, so a stale sender cannot overwrite.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int? TelegramMessageId { get; set; }

    public string? Error { get; set; }
}
