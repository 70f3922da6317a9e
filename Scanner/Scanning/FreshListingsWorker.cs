using DMarketAspire.Coordination;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.Data.Infrastructure;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Keeps looking at every game's newest listings, in its own lane of the market-items budget so the full sweeps can
/// neither starve it nor be starved by it. One replica at a time does this (a lease), as two would only see the same.
/// </summary>
public sealed partial class FreshListingsWorker(
    IServiceScopeFactory scopes,
    SchemaGate schema,
    RedisLeases leases,
    ScannerMetrics metrics,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    ILogger<FreshListingsWorker> logger) : BackgroundService
{
    public const string LeaseName = "fresh-listings";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.FreshListings)
        {
            return;
        }

        await schema.WaitAsync(stoppingToken);
        var seen = settings.EffectiveGames.ToDictionary(g => g, _ => new SeenOffers(settings.FreshSeenCapacity));
        var leading = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            leading = leading ? await leases.RenewAsync(LeaseName, settings.LeaseDuration) : await leases.TryAcquireAsync(LeaseName, settings.LeaseDuration);
            if (!leading)
            {
                await Task.Delay(settings.LeaseDuration / 3, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            var started = time.GetUtcNow();
            using (DMarketRateLane.Use(settings.FreshLane))
            {
                foreach (var game in settings.EffectiveGames)
                {
                    await LookAsync(game, seen[game], stoppingToken);
                }
            }

            var took = time.GetUtcNow() - started;
            metrics.FreshRoundCompleted(took);
            if (took < settings.FreshRoundInterval)
            {
                await Task.Delay(settings.FreshRoundInterval - took, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await leases.ReleaseAsync(LeaseName, TimeSpan.Zero);
    }

    private async Task LookAsync(string game, SeenOffers seen, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FreshListingsScanner>().ScanAsync(game, seen, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogLookFailed(logger, game, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking at the newest listings of {Game} failed; looking again next round.")]
    private static partial void LogLookFailed(ILogger logger, string game, Exception exception);
}
