using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Notifications;

/// <summary>
/// Follows the Scanner's opportunity outbox from the bot's checkpoint. For each new opportunity, every user whose filters
/// match gets a notification row (skipped for the per-item cooldown or the daily cap; silent in quiet hours; due with
/// the next digest in digest mode), written in the same transaction that moves the checkpoint: a crash either keeps
/// both or neither, so each event is planned exactly once.
/// </summary>
public sealed partial class NotificationPlanner(
    BotLeadership leadership,
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<NotificationPlanner> logger) : LeaderService(leadership)
{
    public const string CooldownReason = "cooldown";
    public const string DailyCapReason = "daily cap";

    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task LeadAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        var channel = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(OpportunityChannels.Events));
        channel.OnMessage(_ => Wake());
        try
        {
            while (!term.IsCancellationRequested)
            {
                var more = false;
                try
                {
                    more = await PlanBatchAsync(term);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPlanningFailed(logger, exception);
                }

                if (!more)
                {
                    await _wake.WaitAsync(options.Value.PollInterval, term);
                }
            }
        }
        finally
        {
            await channel.UnsubscribeAsync();
        }
    }

    /// <summary>Plans one batch of events; true when there may be more right away.</summary>
    public async Task<bool> PlanBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DMarketDbContext>();
        var settings = options.Value;
        var (planned, events) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A first run starts from now: a new bot does not replay the market's history to its users.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO bot_checkpoints (name, last_event_id, updated_at) SELECT {0}, COALESCE(MAX(id), 0), now() FROM opportunity_events ON CONFLICT (name) DO NOTHING",
                [BotCheckpoint.Notifications], ct);
            var checkpoint = await db.BotCheckpoints.FromSqlRaw("SELECT * FROM bot_checkpoints WHERE name = {0} FOR UPDATE", BotCheckpoint.Notifications).SingleAsync(ct);

            var batch = await db.OpportunityEvents.AsNoTracking()
                .Where(e => e.Id > checkpoint.LastEventId).OrderBy(e => e.Id).Take(settings.EventBatchSize)
                .Select(e => new { e.Id, e.Kind, e.OpportunityId })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                await transaction.CommitAsync(ct);
                return (0, 0);
            }

            var foundIds = batch.Where(e => e.Kind == OpportunityEventKind.Found).Select(e => e.OpportunityId).ToHashSet();
            var opportunities = await db.Opportunities.AsNoTracking()
                .Where(o => foundIds.Contains(o.Id) && o.Status == OpportunityStatus.Active)
                .ToDictionaryAsync(o => o.Id, ct);
            var rows = opportunities.Count == 0 ? [] : await PlanAsync(db, batch.Where(e => e.Kind == OpportunityEventKind.Found && opportunities.ContainsKey(e.OpportunityId)).Select(e => (e.Id, opportunities[e.OpportunityId])).ToList(), ct);

            db.Notifications.AddRange(rows);
            checkpoint.LastEventId = batch[^1].Id;
            checkpoint.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (rows.Count(r => r.Status == NotificationStatus.Pending), batch.Count);
        }, cancellationToken);

        if (planned > 0)
        {
            metrics.Notification("planned", planned);
            signal.Notify();
        }

        return events == settings.EventBatchSize;
    }

    private async Task<List<Notification>> PlanAsync(DMarketDbContext db, List<(long EventId, Opportunity Opportunity)> found, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var users = await db.BotUsers.AsNoTracking().Where(u => !u.Paused && !u.Blocked && u.Mode != NotificationMode.Off).ToListAsync(cancellationToken);
        if (users.Count == 0)
        {
            return [];
        }

        // Enough history for both rules: the cooldown's window and the longest local day (UTC−12 … UTC+14). Price alerts
        // are outside both: each is one the user asked for.
        var since = now - (settings.ItemCooldown > TimeSpan.FromHours(26) ? settings.ItemCooldown : TimeSpan.FromHours(26));
        var recent = await db.Notifications.AsNoTracking()
            .Where(n => n.CreatedAt >= since && n.Status != NotificationStatus.Skipped && n.Kind == NotificationKind.Opportunity)
            .Select(n => new { n.UserId, n.GameId, n.Title, n.CreatedAt })
            .ToListAsync(cancellationToken);
        var lastByTitle = recent.GroupBy(n => (n.UserId, n.GameId, n.Title)).ToDictionary(g => g.Key, g => g.Max(n => n.CreatedAt));
        var countToday = users.ToDictionary(u => u.Id, u =>
        {
            var dayStart = UserClock.StartOfLocalDay(u, now);
            return recent.Count(n => n.UserId == u.Id && n.CreatedAt >= dayStart);
        });

        List<Notification> rows = [];
        foreach (var (eventId, opportunity) in found)
        {
            var view = OpportunityFilter.View(opportunity);
            foreach (var user in users)
            {
                if (!OpportunityFilter.Matches(user, view))
                {
                    continue;
                }

                var key = (user.Id, opportunity.GameId, opportunity.Title);
                string? skipped = lastByTitle.TryGetValue(key, out var last) && now - last < settings.ItemCooldown ? CooldownReason
                    : countToday[user.Id] >= user.DailyCap ? DailyCapReason
                    : null;
                rows.Add(new Notification
                {
                    UserId = user.Id,
                    OpportunityId = opportunity.Id,
                    EventId = eventId,
                    GameId = opportunity.GameId,
                    Title = opportunity.Title,
                    Status = skipped is null ? NotificationStatus.Pending : NotificationStatus.Skipped,
                    Error = skipped,
                    Silent = UserClock.InQuietHours(user, now),
                    DigestDueAt = user.Mode == NotificationMode.Digest ? UserClock.DigestDue(user, now) : null,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
                if (skipped is null)
                {
                    lastByTitle[key] = now;
                    countToday[user.Id]++;
                }
            }
        }

        var skippedCount = rows.Count(r => r.Status == NotificationStatus.Skipped);
        if (skippedCount > 0)
        {
            metrics.Notification("skipped", skippedCount);
        }

        return rows;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Planning notifications failed; retrying at the next signal or poll.")]
    private static partial void LogPlanningFailed(ILogger logger, Exception exception);
}
