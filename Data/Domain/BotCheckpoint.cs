namespace DMarketAspire.Data.Domain;

/// <summary>How far a consumer has read the opportunity outbox; advanced in the transaction that acts on what it read.</summary>
public sealed class BotCheckpoint
{
    public const string Notifications = "notifications";

    public const string Autopilot = "autopilot";

    public required string Name { get; set; }

    public long LastEventId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
