namespace DMarketAspire.Data.Domain;

/// <summary>
/// One autopilot's decision about one opportunity, with its reason: planned once per user and opportunity (unique) in the
/// same transaction that advances the autopilot's read position in the outbox, then acted on once. A live decision that
/// claims its listing sets <see cref="Claimed"/>, unique per offer, so of several users' autopilots exactly one buys it.
/// </summary>
public sealed class AutopilotDecision
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public long? OpportunityId { get; set; }

    public long EventId { get; set; }

    public required string OfferId { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public long PriceCents { get; set; }

    public long ResaleCents { get; set; }

    public AutopilotMode Mode { get; set; }

    public AutopilotOutcome Outcome { get; set; }

    /// <summary>Why it was skipped or failed (<c>AutopilotReasons</c>), or DMarket's code.</summary>
    public string? Reason { get; set; }

    public bool Claimed { get; set; }

    public long? BuyId { get; set; }

    public long? PaperPositionId { get; set; }

    /// <summary>When the item it bought was put up for sale (once: a listing the user withdrew is not listed again).</summary>
    public DateTimeOffset? ListTriedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
