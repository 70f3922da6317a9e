using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Fees;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// The daily report: planned once a local day at the user's hour (the autopilot row's report date moves in the same
/// transaction that writes the notification, so replicas and restarts plan it exactly once), built when it is sent.
/// </summary>
public sealed class AutopilotReporter(DMarketDbContext db, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>Plans the reports due now for users whose autopilot is on or acted in the last day; returns how many.</summary>
    public async Task<int> PlanDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - Window;
        var candidates = await (from a in db.Autopilots.AsNoTracking()
                                where a.ReportHour != null && (a.Enabled || db.AutopilotDecisions.Any(d => d.UserId == a.UserId && d.CreatedAt >= since))
                                join u in db.BotUsers.AsNoTracking() on a.UserId equals u.Id
                                where !u.Blocked
                                select new { a.UserId, a.ReportHour, a.ReportedOn, u.TimeZone })
            .ToListAsync(cancellationToken);
        var planned = 0;
        foreach (var candidate in candidates)
        {
            var local = TimeZoneInfo.ConvertTime(now, UserClock.Zone(candidate.TimeZone));
            var today = DateOnly.FromDateTime(local.DateTime);
            if (local.Hour < candidate.ReportHour || candidate.ReportedOn == today)
            {
                continue;
            }

            planned += await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var claimed = await db.Autopilots.Where(a => a.UserId == candidate.UserId && (a.ReportedOn == null || a.ReportedOn != today))
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.ReportedOn, today), ct);
                if (claimed == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return 0;
                }

                db.Notifications.Add(new Notification
                {
                    UserId = candidate.UserId,
                    Kind = NotificationKind.AutopilotReport,
                    GameId = string.Empty,
                    Title = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Status = NotificationStatus.Pending,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return 1;
            }, cancellationToken);
        }

        return planned;
    }

    /// <summary>The user's autopilot over the day before <paramref name="until"/>, in its current mode.</summary>
    public async Task<AutopilotDayReport> BuildAsync(long userId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var from = until - Window;
        var autopilot = await db.Autopilots.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        var paper = autopilot?.Mode != AutopilotMode.Live;
        var decisions = await db.AutopilotDecisions.AsNoTracking()
            .Where(d => d.UserId == userId && d.CreatedAt >= from && d.CreatedAt < until)
            .GroupBy(d => new { d.Outcome, d.Reason })
            .Select(g => new AutopilotReasonCount(g.Key.Outcome, g.Key.Reason, g.Count()))
            .ToListAsync(cancellationToken);
        var ordered = decisions.OrderByDescending(d => d.Count).ToList();
        return paper ? await PaperAsync(userId, from, until, ordered, cancellationToken) : await LiveAsync(userId, from, until, ordered, cancellationToken);
    }

    private async Task<AutopilotDayReport> PaperAsync(long userId, DateTimeOffset from, DateTimeOffset until, List<AutopilotReasonCount> decisions, CancellationToken cancellationToken)
    {
        var positions = await (from p in db.PaperPositions.AsNoTracking()
                               where p.UserId == userId
                               join d in db.AutopilotDecisions.AsNoTracking() on p.DecisionId equals d.Id
                               join o in db.Opportunities.AsNoTracking() on d.OpportunityId equals (long?)o.Id into opportunities
                               from o in opportunities.DefaultIfEmpty()
                               select new { p.Title, p.CostCents, p.BoughtAt, p.SoldAt, p.ProfitCents, p.ListPriceCents, Fee = o == null ? (decimal?)null : o.FeeFraction, d.ResaleCents })
            .ToListAsync(cancellationToken);
        var bought = positions.Where(p => p.BoughtAt >= from && p.BoughtAt < until).ToList();
        var sold = positions.Where(p => p.SoldAt >= from && p.SoldAt < until).ToList();
        var held = positions.Where(p => p.SoldAt is null).ToList();
        var best = sold.OrderByDescending(p => p.ProfitCents).FirstOrDefault();
        var unrealized = held.Sum(p => Worth(p.ListPriceCents ?? p.ResaleCents, p.Fee) - p.CostCents);
        return new AutopilotDayReport(from, until, true, bought.Count, bought.Sum(p => p.CostCents), sold.Count, sold.Sum(p => p.ProfitCents ?? 0), held.Count, unrealized, best?.Title, best?.ProfitCents, decisions);
    }

    private async Task<AutopilotDayReport> LiveAsync(long userId, DateTimeOffset from, DateTimeOffset until, List<AutopilotReasonCount> decisions, CancellationToken cancellationToken)
    {
        var buys = await db.Buys.AsNoTracking()
            .Where(b => b.UserId == userId && b.Channel == AutopilotLedger.Channel && b.Status == BuyStatus.Bought)
            .Select(b => new { b.Id, b.CreatedAt, b.PriceCents, b.ResaleCents, b.OpportunityId })
            .ToListAsync(cancellationToken);
        var buyIds = buys.Select(b => (long?)b.Id).ToList();
        var positions = await db.Positions.AsNoTracking().Where(p => p.UserId == userId && buyIds.Contains(p.BuyId)).ToListAsync(cancellationToken);
        var positionIds = positions.Select(p => (long?)p.Id).ToList();
        var trades = await db.Trades.AsNoTracking().Where(t => t.UserId == userId && positionIds.Contains(t.PositionId) && t.ClosedAt >= from && t.ClosedAt < until).ToListAsync(cancellationToken);
        var fees = await db.Opportunities.AsNoTracking().Where(o => buys.Select(b => b.OpportunityId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.FeeFraction, cancellationToken);
        var bought = buys.Where(b => b.CreatedAt >= from && b.CreatedAt < until).ToList();
        var held = positions.Where(p => p.GoneAt is null).ToList();
        var unrealized = held.Sum(p =>
        {
            var buy = buys.Single(b => b.Id == p.BuyId);
            var fee = buy.OpportunityId is { } id && fees.TryGetValue(id, out var f) ? f : (decimal?)null;
            return Worth(p.ListPriceCents ?? buy.ResaleCents ?? p.SuggestedPriceCents ?? buy.PriceCents, fee) - (p.CostCents ?? buy.PriceCents);
        });
        var best = trades.OrderByDescending(t => t.ProfitCents).FirstOrDefault();
        return new AutopilotDayReport(from, until, false, bought.Count, bought.Sum(b => b.PriceCents), trades.Count, trades.Sum(t => t.ProfitCents ?? 0), held.Count, unrealized, best?.Title, best?.ProfitCents, decisions);
    }

    /// <summary>What an item would bring at a price, after the fee (none known: the price itself).</summary>
    private static long Worth(long priceCents, decimal? feeFraction) => feeFraction is { } f ? priceCents - FeeBook.FeeCents(priceCents, f) : priceCents;
}
