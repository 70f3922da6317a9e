using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.Trading.Selling;

/// <summary>
/// The account's closed sales, recorded once each (unique per listing) and matched to their positions, with the user
/// told through the outbox in the same transaction: realized profit = sale price − the fee DMarket charged − cost.
/// </summary>
public sealed class TradeBook(DMarketDbContext db, TradingMetrics metrics, TimeProvider time, IOptions<TradingOptions> options, ILogger<TradeBook> logger)
{
    /// <summary>Reads closed sales newest first until one already recorded; records the new ones. Returns how many.</summary>
    public async Task<int> SyncAsync(long userId, DMarketClient account, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        List<ClosedOffer> fresh = [];
        var known = (await db.Trades.Where(t => t.UserId == userId).Select(t => t.OfferId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        await foreach (var closed in account.GetClosedOffersAsync(cancellationToken))
        {
            if (closed.Status != "successful")
            {
                continue;
            }

            if (known.Contains(closed.OfferId) || fresh.Count >= options.Value.ClosedSalesLookBack)
            {
                break;
            }

            fresh.Add(closed);
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        var read = time.GetElapsedTime(started);
        int recorded;
        try
        {
            recorded = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RecordAsync(userId, fresh, ct), cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another replica (or a /pnl at the same moment) recorded these sales first: each is kept and told once.
            db.ChangeTracker.Clear();
            recorded = 0;
        }

        logger.LogInformation("Closed sales of user {UserId} synced: {Recorded} new; DMarket {ReadMs:F0} ms, in all {TotalMs:F0} ms",
            userId, recorded, read.TotalMilliseconds, time.GetElapsedTime(started).TotalMilliseconds);
        return recorded;
    }

    private async Task<int> RecordAsync(long userId, List<ClosedOffer> fresh, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var assets = fresh.Where(c => c.AssetId is not null).Select(c => c.AssetId!).ToArray();
        var offers = fresh.Select(c => c.OfferId).ToArray();
        var positions = await db.Positions.Where(p => p.UserId == userId && (assets.Contains(p.AssetId) || (p.OfferId != null && offers.Contains(p.OfferId)))).ToListAsync(cancellationToken);
        var titles = fresh.Select(c => c.Title).Distinct().ToArray();
        var games = (await db.Items.AsNoTracking().Where(i => titles.Contains(i.Title)).Select(i => new { i.Title, i.GameId }).ToListAsync(cancellationToken))
            .GroupBy(i => i.Title).ToDictionary(g => g.Key, g => g.First().GameId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        List<(Trade Trade, bool Tell)> recorded = [];
        foreach (var closed in fresh.OrderBy(c => c.ClosedAt))
        {
            var position = positions.FirstOrDefault(p => p.OfferId == closed.OfferId) ?? positions.FirstOrDefault(p => p.AssetId == closed.AssetId);
            var fee = closed.FeeCents ?? 0;
            var trade = new Trade
            {
                UserId = userId,
                OfferId = closed.OfferId,
                AssetId = closed.AssetId,
                PositionId = position?.Id,
                GameId = position?.GameId ?? games.GetValueOrDefault(closed.Title) ?? string.Empty,
                Title = closed.Title,
                PriceCents = closed.PriceCents,
                FeeCents = fee,
                CostCents = position?.CostCents,
                ProfitCents = position?.CostCents is { } cost ? closed.PriceCents - fee - cost : null,
                ClosedAt = closed.ClosedAt,
                RecordedAt = now,
            };
            db.Trades.Add(trade);
            // Told only about what was listed here: a first sync of a long history is not a flood of old news.
            recorded.Add((trade, position?.ListedAt is not null));
            if (position is not null)
            {
                position.GoneAt = closed.ClosedAt;
                position.OfferId = null;
                position.Repricing = false;
                position.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Notifications.AddRange(recorded.Where(r => r.Tell).Select(r => new Notification
        {
            UserId = userId,
            Kind = NotificationKind.Sale,
            TradeId = r.Trade.Id,
            GameId = r.Trade.GameId,
            Title = r.Trade.Title,
            PriceCents = r.Trade.PriceCents,
            Status = NotificationStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        foreach (var (trade, _) in recorded)
        {
            metrics.Sale(trade.GameId, trade.PriceCents, trade.ProfitCents);
        }

        return recorded.Count;
    }

    /// <summary>Profit and loss: realized per period (in the user's time zone) and game, best and worst trades.</summary>
    public async Task<PnlReport> ReportAsync(long userId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var trades = await db.Trades.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.ClosedAt).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var localToday = TimeZoneInfo.ConvertTime(now, zone).Date;
        var startOfToday = new DateTimeOffset(localToday, zone.GetUtcOffset(localToday));
        PnlPeriod Period(string name, DateTimeOffset? since)
        {
            var inPeriod = trades.Where(t => since is null || t.ClosedAt >= since).ToList();
            return new PnlPeriod(name, inPeriod.Count, inPeriod.Sum(t => t.PriceCents), inPeriod.Sum(t => t.FeeCents), inPeriod.Sum(t => t.ProfitCents ?? 0), inPeriod.Count(t => t.ProfitCents is null));
        }

        var withProfit = trades.Where(t => t.ProfitCents is not null).ToList();
        return new PnlReport(
            [Period("today", startOfToday), Period("7d", now.AddDays(-7)), Period("30d", now.AddDays(-30)), Period("all", null)],
            trades.GroupBy(t => t.GameId).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new PnlPeriod(g.Key, g.Count(), g.Sum(t => t.PriceCents), g.Sum(t => t.FeeCents), g.Sum(t => t.ProfitCents ?? 0), g.Count(t => t.ProfitCents is null))).ToList(),
            withProfit.MaxBy(t => t.ProfitCents),
            withProfit.MinBy(t => t.ProfitCents),
            trades);
    }

    /// <summary>The user's trades, newest first.</summary>
    public async Task<IReadOnlyList<Trade>> TradesAsync(long userId, int skip, int take, CancellationToken cancellationToken) =>
        await db.Trades.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
}
