using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Accounts;
using DMarketAspire.Trading.Autopilots;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Autopilots;

/// <summary>
/// Runs every user's autopilot in the leader: woken by the Scanner's publish the moment an opportunity is recorded, it
/// plans decisions off the outbox and acts on them at once (users side by side, each user's one at a time, on their own
/// DMarket budget); every few seconds it also follows reconciled buys, lists what was bought, and sells paper listings
/// the market would have filled.
/// </summary>
public sealed class AutopilotService(
    BotLeadership leadership,
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    NotificationSignal notifications,
    IOptions<AutopilotOptions> options,
    TimeProvider time,
    ILogger<AutopilotService> logger) : LeaderService(leadership)
{
    private const int PendingBatch = 200;
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task LeadAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var channel = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(OpportunityChannels.Events));
        channel.OnMessage(_ => Wake());
        var afterBuyDue = time.GetTimestamp();
        try
        {
            while (!term.IsCancellationRequested)
            {
                var more = false;
                try
                {
                    more = await PlanAndActAsync(term);
                    if (time.GetElapsedTime(afterBuyDue) >= TimeSpan.Zero)
                    {
                        await AfterBuyAsync(term);
                        afterBuyDue = time.GetTimestamp() + (long)(settings.AfterBuyInterval.TotalSeconds * time.TimestampFrequency);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "The autopilot pass failed; retrying at the next signal or poll");
                }

                if (!more)
                {
                    var untilAfterBuy = -time.GetElapsedTime(afterBuyDue);
                    var wait = untilAfterBuy < settings.PollInterval ? untilAfterBuy : settings.PollInterval;
                    await _wake.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, term);
                }
            }
        }
        finally
        {
            await channel.UnsubscribeAsync();
        }
    }

    /// <summary>Plans what the outbox holds and acts on every pending decision; true when more events may be waiting.</summary>
    public async Task<bool> PlanAndActAsync(CancellationToken cancellationToken)
    {
        bool more;
        List<AutopilotDecision> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            (_, more) = await scope.ServiceProvider.GetRequiredService<AutopilotPlanner>().PlanBatchAsync(cancellationToken);
            pending = await scope.ServiceProvider.GetRequiredService<AutopilotDesk>().PendingAsync(PendingBatch, cancellationToken);
        }

        var told = 0;
        await Parallel.ForEachAsync(
            pending.GroupBy(d => d.UserId),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (decisions, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var desk = scope.ServiceProvider.GetRequiredService<AutopilotDesk>();
                var accountFor = AccountsOf(scope.ServiceProvider);
                foreach (var decision in decisions)
                {
                    var outcome = await desk.ActAsync(decision, accountFor, ct);
                    if (outcome is not (AutopilotOutcome.Skipped or AutopilotOutcome.Pending))
                    {
                        Interlocked.Increment(ref told);
                    }
                }
            });

        if (told > 0)
        {
            notifications.Notify();
        }

        return more || pending.Count == PendingBatch;
    }

    /// <summary>Reconciled buys, listing what was bought, paper sales, daily reports due.</summary>
    public async Task AfterBuyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var accountFor = AccountsOf(services);
        await services.GetRequiredService<AutopilotDesk>().FollowReconciledAsync(cancellationToken);
        await services.GetRequiredService<AutopilotLister>().ListBoughtAsync(accountFor, cancellationToken);
        await services.GetRequiredService<PaperBook>().SellDueAsync(accountFor, cancellationToken);
        if (await services.GetRequiredService<AutopilotReporter>().PlanDueAsync(cancellationToken) > 0)
        {
            notifications.Notify();
        }
    }

    private static Func<long, CancellationToken, Task<DMarketClient?>> AccountsOf(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<AccountStore>();
        var dmarket = services.GetRequiredService<DMarketClient>();
        return async (userId, ct) => await accounts.KeysAsync(userId, ct) is { } keys ? dmarket.ForAccount(keys) : null;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }
}
