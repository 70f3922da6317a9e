using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// Follows the Scanner's opportunity outbox from the autopilot's own checkpoint (apart from notifications, so a busy
/// notification path never delays a buy): each new opportunity an enabled autopilot wants becomes a Pending decision,
/// written in the transaction that moves the checkpoint, so each is planned exactly once across crashes and replicas. A
/// paused autopilot still gets its decisions, to be logged as skipped while paused.
/// </summary>
public sealed class AutopilotPlanner(DMarketDbContext db, TimeProvider time, IOptions<AutopilotOptions> options)
{
    /// <summary>Plans one batch; returns how many decisions it made and whether more events may be waiting.</summary>
    public async Task<(int Planned, bool More)> PlanBatchAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.EventBatchSize;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Starts from now: switching the app on does not buy the market's history.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO bot_checkpoints (name, last_event_id, updated_at) SELECT {0}, COALESCE(MAX(id), 0), now() FROM opportunity_events ON CONFLICT (name) DO NOTHING",
                [BotCheckpoint.Autopilot], ct);
            var checkpoint = await db.BotCheckpoints.FromSqlRaw("SELECT * FROM bot_checkpoints WHERE name = {0} FOR UPDATE", BotCheckpoint.Autopilot).SingleAsync(ct);
            var batch = await db.OpportunityEvents.AsNoTracking()
                .Where(e => e.Id > checkpoint.LastEventId).OrderBy(e => e.Id).Take(batchSize)
                .Select(e => new { e.Id, e.Kind, e.OpportunityId })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                await transaction.CommitAsync(ct);
                return (0, false);
            }

            var planned = 0;
            var autopilots = await db.Autopilots.AsNoTracking().Where(a => a.Enabled).ToListAsync(ct);
            var found = batch.Where(e => e.Kind == OpportunityEventKind.Found).ToDictionary(e => e.OpportunityId, e => e.Id);
            if (autopilots.Count > 0 && found.Count > 0)
            {
                var ids = found.Keys.ToList();
                var opportunities = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Status == OpportunityStatus.Active).ToListAsync(ct);
                var now = time.GetUtcNow();
                foreach (var opportunity in opportunities.OrderBy(o => found[o.Id]))
                {
                    foreach (var autopilot in autopilots.Where(a => AutopilotRules.Wants(a, opportunity)))
                    {
                        db.AutopilotDecisions.Add(new AutopilotDecision
                        {
                            UserId = autopilot.UserId,
                            OpportunityId = opportunity.Id,
                            EventId = found[opportunity.Id],
                            OfferId = opportunity.OfferId,
                            GameId = opportunity.GameId,
                            Title = opportunity.Title,
                            PriceCents = opportunity.BuyPriceCents,
                            ResaleCents = opportunity.ResaleCents,
                            Mode = autopilot.Mode,
                            Outcome = AutopilotOutcome.Pending,
                            CreatedAt = now,
                        });
                        planned++;
                    }
                }
            }

            checkpoint.LastEventId = batch[^1].Id;
            checkpoint.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (planned, batch.Count == batchSize);
        }, cancellationToken);
    }
}
