using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>A user's autopilot settings and switches (the chat and the Api share them), and its status.</summary>
public sealed class AutopilotStore(DMarketDbContext db, AutopilotLedger ledger, TimeProvider time)
{
    /// <summary>The user's autopilot, or the defaults (off, paper) when they never set one.</summary>
    public async Task<Autopilot> GetAsync(long userId, CancellationToken cancellationToken) =>
        await db.Autopilots.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken) ?? AutopilotDefaults.For(userId, time.GetUtcNow());

    public Task<Autopilot> ChangeAsync(long userId, AutopilotChange change, CancellationToken cancellationToken) =>
        UpdateAsync(userId, a => AutopilotSettingsRules.Apply(a, change), cancellationToken);

    /// <summary>On (clearing a pause: failures in a row count afresh) or off.</summary>
    public Task<Autopilot> SwitchAsync(long userId, bool on, CancellationToken cancellationToken) =>
        UpdateAsync(userId, a =>
        {
            if (on && (!a.Enabled || a.PausedAt is not null))
            {
                a.ResumedAt = time.GetUtcNow();
            }

            a.Enabled = on;
            a.PausedAt = null;
            a.PausedReason = null;
        }, cancellationToken);

    /// <summary>Paper or live; the caller has had the user confirm live.</summary>
    public Task<Autopilot> SetModeAsync(long userId, AutopilotMode mode, CancellationToken cancellationToken) =>
        UpdateAsync(userId, a =>
        {
            if (a.Mode != mode)
            {
                a.ResumedAt = time.GetUtcNow();
            }

            a.Mode = mode;
            a.LiveSince = mode == AutopilotMode.Live ? a.LiveSince ?? time.GetUtcNow() : null;
        }, cancellationToken);

    public async Task<AutopilotStatus> StatusAsync(long userId, string timeZone, CancellationToken cancellationToken)
    {
        var autopilot = await GetAsync(userId, cancellationToken);
        var dayStart = UserClock.StartOfLocalDay(timeZone, time.GetUtcNow());
        var today = await db.AutopilotDecisions.AsNoTracking()
            .Where(d => d.UserId == userId && d.CreatedAt >= dayStart)
            .GroupBy(d => new { d.Outcome, d.Reason })
            .Select(g => new { g.Key.Outcome, g.Key.Reason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new AutopilotStatus(
            autopilot,
            await ledger.SpentSinceAsync(autopilot, dayStart, cancellationToken),
            await ledger.OpenAsync(autopilot, cancellationToken),
            await ledger.RealizedSinceAsync(autopilot, dayStart, cancellationToken),
            await PaperAsync(autopilot, cancellationToken),
            [.. today.OrderByDescending(t => t.Count).Select(t => new AutopilotReasonCount(t.Outcome, t.Reason, t.Count))]);
    }

    public async Task<PaperPnl> PaperAsync(Autopilot autopilot, CancellationToken cancellationToken)
    {
        var rows = await db.PaperPositions.AsNoTracking().Where(p => p.UserId == autopilot.UserId)
            .Select(p => new { p.CostCents, p.SoldAt, p.SoldPriceCents, p.FeeCents, p.ProfitCents })
            .ToListAsync(cancellationToken);
        var sold = rows.Where(r => r.SoldAt is not null).ToList();
        var held = rows.Where(r => r.SoldAt is null).ToList();
        var realized = sold.Sum(r => r.ProfitCents ?? 0);
        var heldCost = held.Sum(r => r.CostCents);
        return new PaperPnl(
            rows.Count,
            sold.Count,
            held.Count,
            rows.Sum(r => r.CostCents),
            sold.Sum(r => r.SoldPriceCents ?? 0),
            sold.Sum(r => r.FeeCents ?? 0),
            realized,
            heldCost,
            autopilot.PaperBalanceCents + realized - heldCost);
    }

    private async Task<Autopilot> UpdateAsync(long userId, Action<Autopilot> change, CancellationToken cancellationToken)
    {
        var autopilot = await db.Autopilots.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (autopilot is null)
        {
            autopilot = AutopilotDefaults.For(userId, time.GetUtcNow());
            db.Autopilots.Add(autopilot);
        }

        change(autopilot);
        autopilot.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return autopilot;
    }
}
