using DMarketAspire.Data.Alerts;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Alerts;

/// <summary>
/// Judges price alerts against the Scanner's latest prices (<c>item_prices</c>), from the leader, every
/// <see cref="PriceAlertOptions.PollInterval"/>. Each price is judged once per alert. An armed alert the price crosses
/// fires: it is disarmed and its crossing becomes a notification row in the same transaction, so a crash keeps both or
/// neither, and the row's (alert, crossing) key is unique: one message per crossing, whatever restarts. A price back on
/// the quiet side arms it again.
/// </summary>
public sealed partial class AlertWatcher(
    BotLeadership leadership,
    IServiceScopeFactory scopes,
    NotificationSignal signal,
    IOptions<PriceAlertOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<AlertWatcher> logger) : LeaderService(leadership)
{
    public const string PausedReason = "paused";

    protected override async Task LeadAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        while (!term.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await JudgeOnceAsync(term) == options.Value.Batch;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogJudgingFailed(logger, exception);
            }

            if (!more)
            {
                await Task.Delay(options.Value.PollInterval, time, term);
            }
        }
    }

    /// <summary>Judges the alerts whose title has a price they have not seen; returns how many were judged.</summary>
    public async Task<int> JudgeOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DMarketDbContext>();
        var (judged, fired) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Tracked (no AsNoTracking anywhere in it: it would apply to the alerts too), so the judgement is saved.
            var moved = await (
                    from a in db.PriceAlerts
                    join p in db.ItemPrices on a.ItemId equals p.ItemId
                    where a.ObservedAt == null || p.ObservedAt > a.ObservedAt
                    orderby a.Id
                    select new { Alert = a, p.BestOfferCents, p.ObservedAt })
                .Take(options.Value.Batch).ToListAsync(ct);
            if (moved.Count == 0)
            {
                return (0, 0);
            }

            var userIds = moved.Select(m => m.Alert.UserId).Distinct().ToList();
            var users = await db.BotUsers.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            var now = time.GetUtcNow();
            var fired = 0;
            foreach (var m in moved)
            {
                var alert = m.Alert;
                alert.ObservedAt = m.ObservedAt;
                if (m.BestOfferCents is not { } price)
                {
                    // Nothing listed: no price to judge, and no crossing either way.
                    continue;
                }

                alert.LastPriceCents = price;
                var crossed = alert.IsCrossedBy(price);
                if (!crossed)
                {
                    alert.Armed = true;
                }
                else if (alert.Armed)
                {
                    alert.Armed = false;
                    alert.Crossings++;
                    alert.LastFiredAt = now;
                    db.Notifications.Add(Fire(alert, price, users[alert.UserId], now));
                    fired++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (moved.Count, fired);
        }, cancellationToken);

        if (fired > 0)
        {
            metrics.AlertsFired(fired);
            signal.Notify();
        }

        return judged;
    }

    private static Notification Fire(PriceAlert alert, long priceCents, BotUser user, DateTimeOffset now)
    {
        // An alert is something the user asked for by name: no cooldown or daily cap, but /pause and quiet hours hold.
        var held = user.Paused || user.Blocked;
        return new Notification
        {
            Kind = NotificationKind.PriceAlert,
            UserId = alert.UserId,
            AlertId = alert.Id,
            AlertCrossing = alert.Crossings,
            PriceCents = priceCents,
            GameId = alert.GameId,
            Title = alert.Title,
            Status = held ? NotificationStatus.Skipped : NotificationStatus.Pending,
            Error = held ? PausedReason : null,
            Silent = UserClock.InQuietHours(user, now),
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Judging price alerts failed; trying again at the next interval.")]
    private static partial void LogJudgingFailed(ILogger logger, Exception exception);
}
