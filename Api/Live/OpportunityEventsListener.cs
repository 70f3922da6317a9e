using System.Text.Json;
using DMarketAspire.Api.Caching;
using DMarketAspire.Api.Model;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DMarketAspire.Api.Live;

/// <summary>
/// Follows the outbox: woken by the scanner's Redis signal (or every poll interval, should a signal be lost), reads the
/// events after the last one it handled, invalidates the read cache and pushes the changes to live pages.
/// </summary>
public sealed partial class OpportunityEventsListener(
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    ReadCache cache,
    LiveFeed feed,
    IOptions<ApiOptions> options,
    ILogger<OpportunityEventsListener> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(OpportunityChannels.Events), (_, _) => _wake.Release());
        long lastId = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                lastId = await CatchUpAsync(lastId, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCatchUpFailed(logger, exception);
            }

            await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task<long> CatchUpAsync(long lastId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DMarketDbContext>();
        if (lastId < 0)
        {
            // Start from now: pages load the current state through the Api, then follow changes.
            return await db.OpportunityEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        }

        var events = await db.OpportunityEvents.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(BatchSize)
            .Join(db.Opportunities.AsNoTracking(), e => e.OpportunityId, o => o.Id, (e, o) => new { Event = e, Opportunity = o })
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return lastId;
        }

        cache.Invalidate();
        foreach (var change in events)
        {
            feed.Publish(JsonSerializer.Serialize(new OpportunityChange(change.Event.Id, change.Event.Kind.ToString(), OpportunityDto.From(change.Opportunity)), Json));
        }

        var newest = events.Max(e => e.Event.Id);
        if (events.Count == BatchSize)
        {
            _wake.Release();
        }

        return newest;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the opportunity outbox failed; retrying at the next signal or poll.")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}
