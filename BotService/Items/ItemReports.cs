using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Items;

/// <summary>
/// Reads what the Scanner recorded about a title (order-book snapshots, sales, the fee table) into an
/// <see cref="ItemReport"/>. A trend compares the median sale of the last N days with the N days before.
/// </summary>
public sealed class ItemReports(DMarketDbContext db, IOptions<PricingOptions> pricing, TimeProvider time)
{
    private const int HistoryDays = 30;

    public async Task<ItemReport?> ReportAsync(long itemId, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var since = now.AddDays(-2 * HistoryDays);
        var sales = await db.Sales.AsNoTracking().Where(s => s.ItemId == itemId && s.SoldAt >= since).OrderBy(s => s.SoldAt)
            .Select(s => new { s.SoldAt, s.PriceCents }).ToListAsync(cancellationToken);
        var snapshots = await db.PriceSnapshots.AsNoTracking().Where(p => p.ItemId == itemId && p.CapturedAt >= now.AddDays(-HistoryDays)).OrderBy(p => p.CapturedAt)
            .ToListAsync(cancellationToken);
        var latest = snapshots.LastOrDefault();
        var fee = await FeePercentAsync(item.GameId, item.Title, latest?.BestOfferCents ?? sales.LastOrDefault()?.PriceCents ?? 0, now, cancellationToken);

        return new ItemReport(item.Id, item.GameId, item.Title, latest?.BestOfferCents, latest?.OfferCount ?? 0, latest?.BestBuyOrderCents, latest?.BuyOrderCount ?? 0, latest?.CapturedAt,
            sales.Where(s => s.SoldAt >= now.AddDays(-HistoryDays)).Select(s => (s.SoldAt, s.PriceCents)).ToList(),
            snapshots.Select(p => (p.CapturedAt, p.BestOfferCents, p.BestBuyOrderCents)).ToList(),
            Trend(sales.Select(s => (s.SoldAt, s.PriceCents)).ToList(), now, 7),
            Trend(sales.Select(s => (s.SoldAt, s.PriceCents)).ToList(), now, HistoryDays),
            fee);
    }

    private async Task<decimal> FeePercentAsync(string gameId, string title, long priceCents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The stored rows as the fee table they came from, judged by the schedule the Scanner prices with.
        var rules = await db.Fees.AsNoTracking().Where(f => f.GameId == gameId && (f.Title == null || f.Title == title)).ToListAsync(cancellationToken);
        var table = new FeeTable(rules.FirstOrDefault(f => f.Title == null)?.Fraction ?? 0, 0,
            [.. rules.Where(f => f.Title is not null).Select(f => new ReducedFee(f.Title!, f.Fraction, f.MinPriceCents, f.MaxPriceCents, f.ExpiresAt ?? DateTimeOffset.MaxValue))]);
        var schedule = new FeeSchedule(table, pricing.Value.FallbackFeeFraction);
        return FeeSchedule.ToFraction(schedule.BasisPointsFor(title, priceCents, now)) * 100;
    }

    /// <summary>Median of the last <paramref name="days"/> days against the <paramref name="days"/> before, in percent; null without sales in both.</summary>
    private static decimal? Trend(IReadOnlyList<(DateTimeOffset At, long PriceCents)> sales, DateTimeOffset now, int days)
    {
        var recent = Median(sales.Where(s => s.At >= now.AddDays(-days)).Select(s => s.PriceCents));
        var before = Median(sales.Where(s => s.At < now.AddDays(-days) && s.At >= now.AddDays(-2 * days)).Select(s => s.PriceCents));
        return recent is { } r && before is { } b && b > 0 ? decimal.Round(100m * (r - b) / b, 1) : null;
    }

    private static long? Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
