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
    MarketMemory memory,
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
        await RecallSalesAsync(settings, stoppingToken);
        var seen = settings.EffectiveGames.ToDictionary(g => g, _ => new SeenOffers(settings.FreshSeenCapacity));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await leases.TryAcquireAsync(LeaseName, settings.LeaseDuration))
            {
                await PauseAsync(settings.LeaseDuration / 3, stoppingToken);
                continue;
            }

            await LeadAsync(seen, settings, stoppingToken);
        }

        await leases.ReleaseAsync(LeaseName, TimeSpan.Zero);
    }

    /// <summary>
    /// While this replica holds the lease, each game is looked at in a loop of its own: one after the other, a round took
    /// as long as every game's look together (each a page, a book to read, the database), and the lane's budget sat
    /// partly unused meanwhile. Side by side they wait on the lane, which paces them together.
    /// </summary>
    private async Task LeadAsync(Dictionary<string, SeenOffers> seen, ScannerOptions settings, CancellationToken stoppingToken)
    {
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var looks = seen.Select(game => Task.Run(() => LookEachRoundAsync(game.Key, game.Value, settings, leading.Token), CancellationToken.None)).ToList();
        try
        {
            do
            {
                await PauseAsync(settings.LeaseDuration / 3, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested && await leases.RenewAsync(LeaseName, settings.LeaseDuration));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not knowing whether the lease is still ours, stop and ask for it again rather than look beside another replica.
            LogRenewFailed(logger, exception);
        }
        finally
        {
            await leading.CancelAsync();
            await Task.WhenAll(looks).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task LookEachRoundAsync(string game, SeenOffers seen, ScannerOptions settings, CancellationToken leading)
    {
        using var lane = DMarketRateLane.Use(settings.FreshLane);
        while (!leading.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            await LookAsync(game, seen, leading);
            var took = time.GetUtcNow() - started;
            metrics.FreshLookCompleted(game, took);
            if (took < settings.FreshRoundInterval)
            {
                await PauseAsync(settings.FreshRoundInterval - took, leading);
            }
        }
    }

    private Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>
    /// What earlier runs learned of each title's sales, so a restart judges new listings from its first round instead of
    /// after its first sweep (minutes at market scale). Failing is no reason not to start: the sweeps learn it again.
    /// </summary>
    private async Task RecallSalesAsync(ScannerOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<MarketDataStore>();
            var since = time.GetUtcNow() - settings.RecalledSalesMaxAge;
            foreach (var game in settings.EffectiveGames)
            {
                var medians = await store.LoadSalesMediansAsync(game, since, stoppingToken);
                memory.RememberMedians(game, medians);
                LogRecalled(logger, game, medians.Count);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogRecallFailed(logger, exception);
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalled what {Titles} titles of {Game} sold for from earlier runs.")]
    private static partial void LogRecalled(ILogger logger, string game, int titles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalling earlier runs' sales failed; the sweeps will learn them again.")]
    private static partial void LogRecallFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the fresh-listings lease failed; asking for it again.")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking at the newest listings of {Game} failed; looking again next round.")]
    private static partial void LogLookFailed(ILogger logger, string game, Exception exception);
}
