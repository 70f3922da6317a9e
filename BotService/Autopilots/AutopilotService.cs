using System.Collections.Concurrent;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Accounts;
using DMarketAspire.Trading.Autopilots;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Autopilots;

/// <summary>
/// Runs every user's autopilot in the leader. Woken by the Scanner's publish the moment an opportunity is recorded, it
/// plans decisions off the outbox and hands each user with decisions to a worker of their own (at most
/// <see cref="AutopilotOptions.Parallelism"/> at once), so one user's queue, paced by their own DMarket budget, never
/// holds up another's race. Apart from both, every few seconds: reconciled buys followed, bought items listed, paper
/// listings sold as the market allows, daily reports planned.
/// </summary>
public sealed class AutopilotService(
    BotLeadership leadership,
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    NotificationSignal notifications,
    IOptions<AutopilotOptions> options,
    ILogger<AutopilotService> logger) : LeaderService(leadership)
{
    private const int PendingBatch = 50;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<long, byte> _serving = new();
    private SemaphoreSlim? _slots;

    protected override async Task LeadAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        _slots ??= new SemaphoreSlim(settings.Parallelism);
        var channel = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(OpportunityChannels.Events));
        channel.OnMessage(_ => Wake());
        var afterBuy = Task.Run(() => AfterBuyLoopAsync(term), term);
        try
        {
            while (!term.IsCancellationRequested)
            {
                var more = false;
                try
                {
                    more = await PlanAsync(term);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Planning autopilot decisions failed; retrying at the next signal or poll");
                }

                if (!more)
                {
                    await _wake.WaitAsync(settings.PollInterval, term);
                }
            }
        }
        finally
        {
            await channel.UnsubscribeAsync();
            await afterBuy.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Plans what the outbox holds and starts a worker for each user with decisions; true when more events may be waiting.</summary>
    public async Task<bool> PlanAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, more) = await scope.ServiceProvider.GetRequiredService<AutopilotPlanner>().PlanBatchAsync(cancellationToken);
        foreach (var userId in await scope.ServiceProvider.GetRequiredService<AutopilotDesk>().UsersWithPendingAsync(cancellationToken))
        {
            if (_serving.TryAdd(userId, 0))
            {
                _ = Task.Run(() => ServeAsync(userId, cancellationToken), cancellationToken);
            }
        }

        return more;
    }

    /// <summary>Acts on the user's decisions, newest first, one at a time, until none is left.</summary>
    private async Task ServeAsync(long userId, CancellationToken cancellationToken)
    {
        var slots = _slots!;
        try
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                while (true)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var desk = scope.ServiceProvider.GetRequiredService<AutopilotDesk>();
                    var pending = await desk.PendingAsync(userId, PendingBatch, cancellationToken);
                    if (pending.Count == 0)
                    {
                        // A decision planned between that read and leaving the set would wait for the next pass: look once more.
                        _serving.TryRemove(userId, out _);
                        if ((await desk.PendingAsync(userId, 1, cancellationToken)).Count == 0 || !_serving.TryAdd(userId, 0))
                        {
                            return;
                        }

                        continue;
                    }

                    var accountFor = AccountsOf(scope.ServiceProvider);
                    foreach (var decision in pending)
                    {
                        using var activity = BotActivities.Source.StartActivity("autopilot decision");
                        activity?.SetTag("autopilot.decision.id", decision.Id);
                        var outcome = await desk.ActAsync(decision, accountFor, cancellationToken);
                        activity?.SetTag("autopilot.outcome", outcome.ToString());
                        if (outcome is not (AutopilotOutcome.Skipped or AutopilotOutcome.Pending))
                        {
                            notifications.Notify();
                        }
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Leaves the set (it still holds this worker's entry: only a clean exit above removes it), so the next pass retries.
            _serving.TryRemove(userId, out _);
            logger.LogWarning(exception, "Acting for user {UserId}'s autopilot failed; retrying at the next pass", userId);
        }
        catch (OperationCanceledException)
        {
            _serving.TryRemove(userId, out _);
        }
    }

    private async Task AfterBuyLoopAsync(CancellationToken term)
    {
        while (!term.IsCancellationRequested)
        {
            try
            {
                await AfterBuyAsync(term);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Following the autopilot's buys failed; retrying");
            }

            await Task.Delay(options.Value.AfterBuyInterval, term);
        }
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
