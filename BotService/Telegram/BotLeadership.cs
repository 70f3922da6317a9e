using DMarketAspire.Coordination;
using DMarketAspire.Data.Infrastructure;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Telegram;

/// <summary>
/// One replica leads: it polls Telegram and drains the notifications outbox. Leadership is a Redis lease, renewed
/// while the leader lives; a standby takes over within the lease's duration once the leader dies, at once when it stops.
/// </summary>
public sealed partial class BotLeadership(IConnectionMultiplexer redis, IOptions<TelegramOptions> options, TimeProvider time, ILogger<BotLeadership> logger)
    : BackgroundService
{
    public const string LeaseName = "leader";

    private readonly RedisLeases _leases = new(redis, options.Value.RedisKeyPrefix, options.Value.ReplicaId);
    private readonly Lock _lock = new();
    private TaskCompletionSource<CancellationToken> _leading = NewTerm();
    private CancellationTokenSource? _term;

    public string Owner => _leases.Owner;

    public bool IsLeader
    {
        get
        {
            lock (_lock)
            {
                return _term is { IsCancellationRequested: false };
            }
        }
    }

    public Task<string?> CurrentLeaderAsync() => _leases.HolderAsync(LeaseName);

    /// <summary>Waits until this replica leads; the token it returns is cancelled when leadership ends.</summary>
    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _leading.Task.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (IsLeader)
                {
                    if (!await _leases.RenewAsync(LeaseName, settings.LeaseDuration))
                    {
                        Resign("the lease was taken or expired");
                    }
                }
                else if (await _leases.TryAcquireAsync(LeaseName, settings.LeaseDuration))
                {
                    Lead();
                }
            }
            catch (RedisException exception)
            {
                // Without Redis we cannot know whether we still lead: step down rather than risk two pollers.
                LogRedisFailed(logger, exception);
                Resign("Redis is unreachable");
            }

            await Task.Delay(settings.LeaseRenewInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var wasLeader = IsLeader;
        Resign("the service is stopping");
        await base.StopAsync(cancellationToken);
        if (wasLeader)
        {
            try
            {
                // Let a standby take over at once instead of after the lease runs out.
                await _leases.ReleaseAsync(LeaseName, TimeSpan.Zero);
            }
            catch (RedisException exception)
            {
                LogRedisFailed(logger, exception);
            }
        }
    }

    private void Lead()
    {
        lock (_lock)
        {
            _term = new CancellationTokenSource();
            _leading.TrySetResult(_term.Token);
        }

        LogLeading(logger, Owner);
    }

    private void Resign(string reason)
    {
        CancellationTokenSource? term;
        lock (_lock)
        {
            term = _term;
            if (term is null)
            {
                return;
            }

            _term = null;
            _leading = NewTerm();
        }

        LogResigned(logger, Owner, reason);
        term.Cancel();
        term.Dispose();
    }

    private static TaskCompletionSource<CancellationToken> NewTerm() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica {Owner} now leads: it polls Telegram and sends notifications.")]
    private static partial void LogLeading(ILogger logger, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica {Owner} stopped leading: {Reason}.")]
    private static partial void LogResigned(ILogger logger, string owner, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed while keeping the bot's leader lease.")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);
}
