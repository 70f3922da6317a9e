using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Data.Infrastructure;

/// <summary>
/// Marks opportunities gone outside a scan (the listing watch saw the listing leave, a buy found it sold or bought it),
/// with their outbox events written under the outbox writers' lock, so every reader (the bot, the web page's live feed)
/// sees them go at once. Only those still active change, each with one Gone event, however many writers race.
/// </summary>
public static class OpportunityRetirement
{
    public static async Task<bool> RetireAsync(DMarketDbContext db, long opportunityId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await RetireAsync(db, [opportunityId], reason, now, cancellationToken)).Ids.Count > 0;

    public static async Task<RetiredOpportunities> RetireAsync(DMarketDbContext db, IReadOnlyCollection<long> opportunityIds, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (opportunityIds.Count == 0)
        {
            return new RetiredOpportunities([], 0);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RetireOnceAsync(db, [.. opportunityIds], reason, now, ct), cancellationToken);
    }

    private static async Task<RetiredOpportunities> RetireOnceAsync(DMarketDbContext db, long[] opportunityIds, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One statement tells which rows it changed: a row another writer retired first is not returned, so gets no second event.
        var gone = nameof(OpportunityStatus.Gone);
        var active = nameof(OpportunityStatus.Active);
        var retired = await db.Database.SqlQuery<long>($"""
            UPDATE opportunities SET status = {gone}, gone_at = {now}, gone_reason = {reason}
            WHERE id = ANY({opportunityIds}) AND status = {active}
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (retired.Count == 0)
        {
            return new RetiredOpportunities([], 0);
        }

        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [OpportunityEvent.WriterLockKey], cancellationToken);
        List<OpportunityEvent> events = [.. retired.Select(id => new OpportunityEvent { OpportunityId = id, Kind = OpportunityEventKind.Gone, CreatedAt = now })];
        db.OpportunityEvents.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RetiredOpportunities(retired, events.Max(e => e.Id));
    }
}
