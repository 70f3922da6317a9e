using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.Coordination;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Runs <see cref="ListingWatch"/> over every game each <see cref="ScannerOptions.ListingWatchInterval"/>, on one replica
/// at a time (a lease: two would read the same books). It spends its own lane of the market-items budget
/// (<see cref="ScannerOptions.ListingWatchShare"/>, taken from the sweeps'): behind the sweeps' queue it waited
/// seconds. It tells the Api and the bot through the outbox like any other change.
/// </summary>
public sealed partial class ListingWatchWorker(
    IServiceScopeFactory scopes,
    SchemaGate schema,
    RedisLeases leases,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<ListingWatchWorker> logger) : BackgroundService
{
    public const string LeaseName = "listing-watch";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.ListingWatchInterval <= TimeSpan.Zero)
        {
            return;
        }

        await schema.WaitAsync(stoppingToken);
        var leading = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                var lease = settings.ListingWatchLeaseDuration;
                leading = leading ? await leases.RenewAsync(LeaseName, lease) : await leases.TryAcquireAsync(LeaseName, lease);
                if (leading)
                {
                    using (DMarketRateLane.Use(settings.ListingWatchLane))
                    {
                        foreach (var game in settings.EffectiveGames)
                        {
                            await CheckAsync(game, stoppingToken);
                            // After each game: a round the lane paces can take longer than the short lease.
                            leading = await leases.RenewAsync(LeaseName, lease);
                            if (!leading)
                            {
                                break;
                            }
                        }
                    }
                }

                // Rounds start an interval apart, or back to back when the lane makes one longer.
                var rest = leading ? settings.ListingWatchInterval - time.GetElapsedTime(started) : lease / 3;
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            // A stop mid-round (a restart, a deploy) hands over at once, not when the lease lapses.
            await leases.ReleaseAsync(LeaseName, TimeSpan.Zero);
        }
    }

    private async Task CheckAsync(string game, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ListingWatch>().CheckAsync(game, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogCheckFailed(logger, game, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the listings of {Game}'s active opportunities failed; checking again next round.")]
    private static partial void LogCheckFailed(ILogger logger, string game, Exception exception);
}
