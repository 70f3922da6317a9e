using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// Paper listings sell only as the real market would have let them: when the title's sales history shows a sale at or
/// above the ask after it was listed (each sale fills one paper listing), at the ask, less the fee DMarket would charge.
/// </summary>
public sealed class PaperBook(DMarketDbContext db, FeeBook fees, TimeProvider time, IOptions<AutopilotOptions> options, ILogger<PaperBook> logger)
{
    /// <summary>Looks for sales of the listed paper items least recently checked; returns how many sold.</summary>
    public async Task<int> SellDueAsync(Func<long, CancellationToken, Task<DMarketClient?>> accountFor, CancellationToken cancellationToken)
    {
        var listed = await db.PaperPositions.AsNoTracking()
            .Where(p => p.SoldAt == null && p.ListedAt != null)
            .OrderBy(p => p.CheckedAt ?? DateTimeOffset.MinValue).ThenBy(p => p.Id)
            .Take(options.Value.PaperSalesBatch).ToListAsync(cancellationToken);
        var sold = 0;
        foreach (var title in listed.GroupBy(p => (p.UserId, p.GameId, p.Title)))
        {
            if (await accountFor(title.Key.UserId, cancellationToken) is not { } account)
            {
                continue;
            }

            IReadOnlyList<DMarket.Client.Models.Sale> sales;
            try
            {
                sales = await account.GetLastSalesAsync(title.Key.GameId, title.Key.Title, cancellationToken: cancellationToken);
            }
            catch (DMarketApiException e)
            {
                logger.LogWarning(e, "Paper listings of {Title}: the sales history could not be read; looking again later", title.Key.Title);
                continue;
            }

            var now = time.GetUtcNow();
            var unused = sales.OrderBy(s => s.Date).ToList();
            foreach (var position in title.OrderBy(p => p.ListedAt))
            {
                var sale = unused.FirstOrDefault(s => s.Date > position.ListedAt && s.PriceCents >= position.ListPriceCents);
                if (sale is null)
                {
                    await db.PaperPositions.Where(p => p.Id == position.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.CheckedAt, now), cancellationToken);
                    continue;
                }

                unused.Remove(sale);
                var ask = position.ListPriceCents!.Value;
                var fee = FeeBook.FeeCents(ask, await fees.FractionAsync(position.GameId, position.Title, ask, account, cancellationToken));
                var profit = ask - fee - position.CostCents;
                sold += await db.PaperPositions.Where(p => p.Id == position.Id && p.SoldAt == null).ExecuteUpdateAsync(u => u
                    .SetProperty(p => p.SoldPriceCents, ask)
                    .SetProperty(p => p.FeeCents, fee)
                    .SetProperty(p => p.ProfitCents, profit)
                    .SetProperty(p => p.SoldAt, sale.Date)
                    .SetProperty(p => p.CheckedAt, now), cancellationToken);
                logger.LogInformation("Paper position {PositionId}: {Title} sold at {AskCents} cents (a sale at {SaleCents} on {SoldAt:o}); profit {ProfitCents} cents", position.Id, position.Title, ask, sale.PriceCents, sale.Date, profit);
            }
        }

        return sold;
    }
}
