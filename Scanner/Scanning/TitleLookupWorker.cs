using DMarketAspire.DMarket.Client.RateLimiting;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Tells the worth of the titles the fresh pass knows nothing of (<see cref="TitleLookupQueue"/>), off the fresh pass's
/// rounds and out of its lane (inside them, each request delayed the next look at every game's newest listings, most in
/// the first minute). Two paces, each even (<see cref="TitleLookupPace"/>):
/// <list type="bullet">
/// <item>A game's most discounted page once titles came since its last one, at most
/// <see cref="ScannerOptions.FreshDiscountPagesPerMinute"/> (<see cref="ScannerOptions.FreshColdStartPagesPerMinute"/>
/// in the first minutes), in a lane of their own (<see cref="ScannerOptions.FreshPagesShare"/>): one request tells up to
/// a hundred titles' suggested prices, the likeliest opportunities first.</item>
/// <item>The costliest title with a new listing is looked up, at most <see cref="ScannerOptions.FreshLookupsPerMinute"/>,
/// from the sweeps' share of the market-items budget.</item>
/// </list>
/// Under one pace, a page whenever a game had ten titles waiting, the lookups never came: at market scale every game had
/// that many for minutes, pages told nothing new, and a $745 listing 40% under its worth waited 7 s for TF2's turn.
/// </summary>
public sealed partial class TitleLookupWorker(TitleLookupQueue queue, MarketMemory memory, IServiceScopeFactory scopes, SchemaGate schema,
    TimeProvider time, IOptions<ScannerOptions> options, ILogger<TitleLookupWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await schema.WaitAsync(stoppingToken);
        await Task.WhenAll(ReadDiscountPagesAsync(settings, stoppingToken),
            RunAsync(settings.FreshLookupsPerMinute, burst: null, until: null, LookUpNextUnknownAsync, settings, stoppingToken));
    }

    /// <summary>
    /// Faster for the first minutes (<see cref="ScannerOptions.FreshColdStartPagesFor"/>), when most titles a look meets are
    /// unknown; at that pace for a whole run the sweeps, whose share the pages take, left recall at 10 minutes under 95%.
    /// </summary>
    private async Task ReadDiscountPagesAsync(ScannerOptions settings, CancellationToken stoppingToken)
    {
        if (!settings.ReadsDiscountPages)
        {
            return;
        }

        var games = settings.EffectiveGames.Count;
        await RunAsync(settings.FreshColdStartPagesPerMinute, games, time.GetUtcNow() + settings.FreshColdStartPagesFor, ReadNextDiscountPageAsync, settings, stoppingToken);
        await RunAsync(settings.FreshDiscountPagesPerMinute, games, until: null, ReadNextDiscountPageAsync, settings, stoppingToken);
    }

    private async Task RunAsync(int perMinute, int? burst, DateTimeOffset? until, Func<CancellationToken, Task> next, ScannerOptions settings, CancellationToken stoppingToken)
    {
        if (perMinute == 0)
        {
            return;
        }

        using var pace = TitleLookupPace.Create(perMinute, burst);
        while (!stoppingToken.IsCancellationRequested && (until is null || time.GetUtcNow() < until))
        {
            try
            {
                using var permit = await pace.AcquireAsync(1, stoppingToken);
                await next(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogLookupFailed(logger, exception);
                await Task.Delay(settings.IdleDelay, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Titles a sweep has told the worth of since they were queued are judged for free; the permit goes to the first
    /// title still unknown. Costliest first alone left a cold start's backlog (thousands of titles, 30 lookups a minute)
    /// ahead of every later listing, most of it known by then (measured: a $745 listing 40% under worth not looked up).
    /// </summary>
    private async Task LookUpNextUnknownAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var (game, title, listings) = await queue.TakeAsync(stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            var lookup = scope.ServiceProvider.GetRequiredService<TitleLookup>();
            if (!await lookup.TryJudgeFromMemoryAsync(game, title, listings, stoppingToken))
            {
                await lookup.LookUpAsync(game, title, listings, stoppingToken);
                return;
            }
        }
    }

    /// <summary>
    /// The game whose titles have waited longest since its last page: its most discounted page tells the worth of the
    /// likeliest among them at once, and every title it (or a sweep meanwhile) told is judged now, not on its turn.
    /// </summary>
    private async Task ReadNextDiscountPageAsync(CancellationToken stoppingToken)
    {
        var gameId = await queue.WaitForGameDueForPageAsync(options.Value.FreshDiscountPageMinTitles, stoppingToken);
        queue.MarkPaged(gameId);
        await using var scope = scopes.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<TitleLookup>();
        // A lane the limiter has not registered (no share, or a budget too small for it) spends the default lane.
        using (DMarketRateLane.Use(options.Value.FreshPagesLane))
        {
            await lookup.ReadMostDiscountedAsync(gameId, stoppingToken);
        }

        await lookup.JudgeFromMemoryAsync(gameId, queue.TakeKnown(gameId, t => memory.Recall(gameId, t) is { KnowsWorth: true }), stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking up a title failed; its listings are left to the sweeps.")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception);
}
