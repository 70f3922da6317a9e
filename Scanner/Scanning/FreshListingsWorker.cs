using DMarketAspire.Coordination;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.Data.Infrastructure;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Keeps looking at every game's newest listings, in its own lane of the market-items budget so the full sweeps can
/// neither starve it nor be starved by it. One replica at a time does this (a lease), as two would only see the same.
/// A replica that becomes the leader starts unprimed, so its first look pages back to where the last leader got to.
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
        await RecallAsync(settings, stoppingToken);
        var seen = settings.EffectiveGames.ToDictionary(g => g, _ => new SeenOffers(settings.FreshSeenCapacity));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await leases.TryAcquireAsync(LeaseName, settings.FreshLeaseDuration))
                {
                    await Task.Delay(settings.FreshLeaseDuration / 3, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }

                metrics.FreshLeadTaken();
                // Whatever this replica saw while it led before, another leader has seen since.
                foreach (var game in seen.Values)
                {
                    game.Primed = false;
                }

                await ResumeSalesWaitsAsync(settings, stoppingToken);
                await LeadAsync(settings, seen, stoppingToken);
            }
        }
        finally
        {
            // A stop mid-round (a restart, a deploy) hands over at once, not when the lease lapses.
            await leases.ReleaseAsync(LeaseName, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Looks round after round while the lease holds. It is renewed every third of its duration, not between looks: a
    /// look can outlast it (the first minute's, reading books for most titles it meets), and each lapse made the next
    /// look a catch-up one, longer still (measured: the lead lost and taken again every 17–20 s for the first 75 s after
    /// start-up, renewed after each game's look).
    /// </summary>
    private async Task LeadAsync(ScannerOptions settings, Dictionary<string, SeenOffers> seen, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var holding = HoldAsync(settings, lost);
        try
        {
            while (!lost.IsCancellationRequested)
            {
                var started = time.GetUtcNow();
                using (DMarketRateLane.Use(settings.FreshLane))
                {
                    foreach (var game in settings.EffectiveGames)
                    {
                        await LookAsync(game, seen[game], lost.Token);
                    }
                }

                var took = time.GetUtcNow() - started;
                metrics.FreshRoundCompleted(took);
                if (took < settings.FreshRoundInterval)
                {
                    await Task.Delay(settings.FreshRoundInterval - took, time, lost.Token);
                }
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Stopping, or the lease was lost: whoever leads next pages back to where this one got to.
        }
        finally
        {
            await lost.CancelAsync();
            await holding;
        }
    }

    private async Task HoldAsync(ScannerOptions settings, CancellationTokenSource lost)
    {
        if (!await leases.HoldAsync(LeaseName, settings.FreshLeaseDuration, lost.Token))
        {
            LogLeadLost(logger);
            await lost.CancelAsync();
        }
    }

    /// <summary>
    /// What earlier runs learned of each title (its sales, its latest order book), so a restart judges new listings from
    /// its first round instead of after its first sweep (minutes at market scale), and spends that round on pages, not on
    /// books it had. Failing is no reason not to start: the sweeps learn it again.
    /// </summary>
    private async Task RecallAsync(ScannerOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<MarketDataStore>();
            var now = time.GetUtcNow();
            foreach (var game in settings.EffectiveGames)
            {
                var medians = await store.LoadSalesMediansAsync(game, now - settings.RecalledSalesMaxAge, stoppingToken);
                memory.RememberMedians(game, medians);
                var books = settings.RecalledBooksMaxAge > TimeSpan.Zero ? await store.LoadBooksAsync(game, now - settings.RecalledBooksMaxAge, stoppingToken) : [];
                // Known, but older than any look would price a listing on (twice the book age): a listing that looks
                // underpriced has its book read first.
                memory.RecallBooks(game, books, now - 2 * settings.FreshBookMaxAge);
                LogRecalled(logger, game, medians.Count, books.Count);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogRecallFailed(logger, exception);
        }
    }

    /// <summary>The listings the last leader left waiting on their title's sales; failing leaves them to the sweeps.</summary>
    private async Task ResumeSalesWaitsAsync(ScannerOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var salesWait = scope.ServiceProvider.GetRequiredService<SalesWait>();
            foreach (var game in settings.EffectiveGames)
            {
                LogResumed(logger, game, await salesWait.ResumeAsync(game));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogResumeFailed(logger, exception);
        }
    }

    private async Task LookAsync(string game, SeenOffers seen, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FreshListingsScanner>().ScanAsync(game, seen, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogLookFailed(logger, game, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalled from earlier runs what {Titles} titles of {Game} sold for, and {Books} titles' order books.")]
    private static partial void LogRecalled(ILogger logger, string game, int titles, int books);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalling what earlier runs learned failed; the sweeps will learn it again.")]
    private static partial void LogRecallFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leading the fresh pass: {Listings} listings of {Game} the last leader left waiting on their title's sales are waiting again.")]
    private static partial void LogResumed(ILogger logger, string game, int listings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the fresh pass's lease while leading it; stopping until it is taken again.")]
    private static partial void LogLeadLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming the listings the last leader left waiting on sales failed; the sweeps will price them.")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking at the newest listings of {Game} failed; looking again next round.")]
    private static partial void LogLookFailed(ILogger logger, string game, Exception exception);
}
