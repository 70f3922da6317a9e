using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Selling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// Puts what the autopilot bought up for sale when its rule says so: at the resale estimate the Scanner priced it by,
/// following the best offer down by the repricing rule, never under break-even after the fee (<see cref="SaleDesk"/>).
/// Tried once per item, when it is tradable: a listing the user withdraws is theirs to decide.
/// </summary>
public sealed class AutopilotLister(DMarketDbContext db, SaleDesk sales, TimeProvider time, ILogger<AutopilotLister> logger)
{
    private const int Batch = 20;

    public async Task<int> ListBoughtAsync(Func<long, CancellationToken, Task<DMarketClient?>> accountFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await (
                from d in db.AutopilotDecisions.AsNoTracking()
                where d.Outcome == AutopilotOutcome.Bought && d.Mode == AutopilotMode.Live && d.ListTriedAt == null && d.BuyId != null
                join a in db.Autopilots.AsNoTracking() on d.UserId equals a.UserId
                where a.AfterBuy == AutopilotAfterBuy.List
                join p in db.Positions.AsNoTracking() on d.BuyId equals p.BuyId
                where p.GoneAt == null && p.OfferId == null && p.ListedAt == null && (p.TradeLockUntil == null || p.TradeLockUntil <= now)
                orderby d.Id
                select new { DecisionId = d.Id, d.UserId, PositionId = p.Id, d.ResaleCents })
            .Take(Batch).ToListAsync(cancellationToken);
        var listed = 0;
        foreach (var item in due)
        {
            if (await accountFor(item.UserId, cancellationToken) is not { } account)
            {
                continue;
            }

            var report = await sales.ListAsync(item.UserId, item.PositionId, item.ResaleCents, belowCost: false, repricing: true, account, cancellationToken);
            if (report.Outcome is ListingOutcome.NotAnswered)
            {
                // Nothing known to be listed and the item freed: the next pass tries again.
                continue;
            }

            await db.AutopilotDecisions.Where(d => d.Id == item.DecisionId).ExecuteUpdateAsync(u => u.SetProperty(d => d.ListTriedAt, now), cancellationToken);
            listed += report.Outcome == ListingOutcome.Listed ? 1 : 0;
            logger.LogInformation("Autopilot decision {DecisionId}: position {PositionId} put up at {PriceCents} cents: {Outcome} {Detail}", item.DecisionId, item.PositionId, item.ResaleCents, report.Outcome, report.Code);
        }

        return listed;
    }
}
