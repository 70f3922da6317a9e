using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// What an autopilot has done so far, read from the database (never from memory, so a restart or a second replica sees
/// the same): spend in the user's local day, open positions, realized loss today, failed buys in a row, paper balance.
/// </summary>
public sealed class AutopilotLedger(DMarketDbContext db)
{
    public const string Channel = "autopilot";

    /// <summary>Buys that count against the day's spend and the open positions: sent, in doubt, or bought.</summary>
    private static readonly BuyStatus[] Spending = [BuyStatus.Sending, BuyStatus.Unknown, BuyStatus.Bought];

    public async Task<long> SpentSinceAsync(Autopilot autopilot, DateTimeOffset since, CancellationToken cancellationToken) =>
        autopilot.Mode == AutopilotMode.Live
            ? await LiveBuys(autopilot.UserId).Where(b => Spending.Contains(b.Status) && b.CreatedAt >= since).SumAsync(b => b.PriceCents, cancellationToken)
            : await db.PaperPositions.Where(p => p.UserId == autopilot.UserId && p.BoughtAt >= since).SumAsync(p => p.CostCents, cancellationToken);

    /// <summary>Items the autopilot bought and still holds or lists, and buys of it still in flight.</summary>
    public async Task<int> OpenAsync(Autopilot autopilot, CancellationToken cancellationToken)
    {
        if (autopilot.Mode == AutopilotMode.Paper)
        {
            return await db.PaperPositions.CountAsync(p => p.UserId == autopilot.UserId && p.SoldAt == null, cancellationToken);
        }

        var inFlight = await LiveBuys(autopilot.UserId).CountAsync(b => b.Status == BuyStatus.Sending || b.Status == BuyStatus.Unknown, cancellationToken);
        // A bought item counts until its position is gone from the inventory (sold or withdrawn); one whose position a
        // sync has not made yet counts too.
        var held = await LiveBuys(autopilot.UserId).CountAsync(
            b => b.Status == BuyStatus.Bought && !db.Positions.Any(p => p.BuyId == b.Id && p.GoneAt != null), cancellationToken);
        return inFlight + held;
    }

    /// <summary>The autopilot's realized profit in the window (negative: a loss): its own sales only.</summary>
    public async Task<long> RealizedSinceAsync(Autopilot autopilot, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (autopilot.Mode == AutopilotMode.Paper)
        {
            return await db.PaperPositions.Where(p => p.UserId == autopilot.UserId && p.SoldAt >= since).SumAsync(p => p.ProfitCents ?? 0, cancellationToken);
        }

        var bought = LiveBuys(autopilot.UserId).Where(b => b.Status == BuyStatus.Bought).Select(b => (long?)b.Id);
        return await db.Trades
            .Where(t => t.UserId == autopilot.UserId && t.ClosedAt >= since && db.Positions.Any(p => p.Id == t.PositionId && bought.Contains(p.BuyId)))
            .SumAsync(t => t.ProfitCents ?? 0, cancellationToken);
    }

    /// <summary>Settled live buys since the last resume that failed for a reason that counts, newest first, until one did not.</summary>
    public async Task<int> FailuresInRowAsync(Autopilot autopilot, int lookBack, CancellationToken cancellationToken)
    {
        var settled = await LiveBuys(autopilot.UserId)
            .Where(b => (b.Status == BuyStatus.Bought || b.Status == BuyStatus.Failed) && b.CreatedAt >= autopilot.ResumedAt)
            .OrderByDescending(b => b.Id).Take(lookBack)
            .Select(b => new { b.Status, b.FailReason })
            .ToListAsync(cancellationToken);
        return settled.TakeWhile(b => b.Status == BuyStatus.Failed && AutopilotReasons.CountsAsFailure(b.FailReason)).Count();
    }

    /// <summary>Paper money: the starting balance, plus what paper sales made, less what unsold paper items cost.</summary>
    public async Task<long> PaperBalanceAsync(Autopilot autopilot, CancellationToken cancellationToken)
    {
        var realized = await db.PaperPositions.Where(p => p.UserId == autopilot.UserId && p.SoldAt != null).SumAsync(p => p.ProfitCents ?? 0, cancellationToken);
        var held = await db.PaperPositions.Where(p => p.UserId == autopilot.UserId && p.SoldAt == null).SumAsync(p => p.CostCents, cancellationToken);
        return autopilot.PaperBalanceCents + realized - held;
    }

    /// <summary>Live buys in flight, which the balance DMarket reports may not show yet.</summary>
    public async Task<long> InFlightCentsAsync(long userId, CancellationToken cancellationToken) =>
        await LiveBuys(userId).Where(b => b.Status == BuyStatus.Sending || b.Status == BuyStatus.Unknown).SumAsync(b => b.PriceCents, cancellationToken);

    /// <summary>The title's average sale price over the window, from the sales the Scanner recorded; null without any.</summary>
    public async Task<long?> AverageSaleAsync(string gameId, string title, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var average = await (from s in db.Sales
                             join i in db.Items on s.ItemId equals i.Id
                             where i.GameId == gameId && i.Title == title && s.SoldAt >= since
                             select (decimal?)s.PriceCents).AverageAsync(cancellationToken);
        return average is { } a ? (long)decimal.Round(a) : null;
    }

    private IQueryable<Buy> LiveBuys(long userId) => db.Buys.Where(b => b.UserId == userId && b.Channel == Channel);
}
