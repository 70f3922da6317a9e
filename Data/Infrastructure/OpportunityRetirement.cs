using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Data.Infrastructure;

/// <summary>
/// Marks an opportunity gone outside a scan (a buy found it sold, or bought it), with its outbox event written under
/// the outbox writers' lock, so every reader (the bot, the web page's live feed) sees it go at once.
/// </summary>
public static class OpportunityRetirement
{
    public static Task<bool> RetireAsync(DMarketDbContext db, long opportunityId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RetireOnceAsync(db, opportunityId, reason, now, ct), cancellationToken);

    private static async Task<bool> RetireOnceAsync(DMarketDbContext db, long opportunityId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Opportunities
            .Where(o => o.Id == opportunityId && o.Status == OpportunityStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OpportunityStatus.Gone).SetProperty(o => o.GoneAt, now).SetProperty(o => o.GoneReason, reason), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [OpportunityEvent.WriterLockKey], cancellationToken);
        db.OpportunityEvents.Add(new OpportunityEvent { OpportunityId = opportunityId, Kind = OpportunityEventKind.Gone, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
