namespace DMarketAspire.Data.Domain;

/// <summary>
/// The outbox: written in the same transaction as the change it describes, in increasing id order, so a consumer
/// (the bot) that remembers the last id it handled sees every change exactly once, even across crashes.
/// </summary>
public sealed class OpportunityEvent
{
    /// <summary>The PostgreSQL advisory lock every writer of events holds until it commits ("DMOUTB").</summary>
    public const long WriterLockKey = 0x444D_4F55_5442;

    public long Id { get; set; }

    public long OpportunityId { get; set; }

    public OpportunityEventKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
