namespace DMarketAspire.Data.Domain;

/// <summary>
/// A DMarket buy order (target) this bot placed for a user. Only these are the bot's to cancel in bulk; a target the
/// user made elsewhere is listed but never touched by "cancel all".
/// </summary>
public sealed class BotTarget
{
    /// <summary>DMarket's target id.</summary>
    public required string TargetId { get; set; }

    public long UserId { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public long PriceCents { get; set; }

    public int Amount { get; set; }

    public BotTargetStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Units DMarket reported bought for it (closed successfully) that the user was told about.</summary>
    public int Filled { get; set; }

    /// <summary>When the last of those was told; null before the first.</summary>
    public DateTimeOffset? FilledAt { get; set; }
}
