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
/// a few of them kept for the costliest titles (<see cref="ScannerOptions.FreshLookupReserve"/>), in the pages' lane once
/// their first minutes are over.</item>
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
        var coldStartUntil = time.GetUtcNow() + settings.FreshColdStartPagesFor;
        // The lookups leave the pages' lane to the pages only while the cold start's pages fill it.
        var pagesFillLaneUntil = settings.ReadsDiscountPages && settings.FreshColdStartPagesPerMinute > 0 ? coldStartUntil : DateTimeOffset.MinValue;
        await Task.WhenAll(ReadDiscountPagesAsync(settings, coldStartUntil, stoppingToken), LookUpUnknownTitlesAsync(settings, pagesFillLaneUntil, stoppingToken));
    }

    /// <summary>
    /// Faster for the first minutes (<see cref="ScannerOptions.FreshColdStartPagesFor"/>), when most titles a look meets are
    /// unknown; at that pace for a whole run the sweeps, whose share the pages take, left recall at 10 minutes under 95%.
    /// </summary>
    private async Task ReadDiscountPagesAsync(ScannerOptions settings, DateTimeOffset coldStartUntil, CancellationToken stoppingToken)
    {
        if (!settings.ReadsDiscountPages)
        {
            return;
        }

        var games = settings.EffectiveGames.Count;
        await PacedAsync(settings.FreshColdStartPagesPerMinute, games, coldStartUntil, stoppingToken);
        await PacedAsync(settings.FreshDiscountPagesPerMinute, games, until: null, stoppingToken);

        async Task PacedAsync(int perMinute, int burst, DateTimeOffset? until, CancellationToken cancellationToken)
        {
            if (perMinute == 0)
            {
                return;
            }

            using var pace = TitleLookupPace.Create(perMinute, burst);
            await RepeatAsync(() => until is null || time.GetUtcNow() < until, async ct =>
            {
                using var permit = await pace.AcquireAsync(1, ct);
                await ReadNextDiscountPageAsync(ct);
            }, settings, cancellationToken);
        }
    }

    /// <summary>
    /// The costliest title still unknown, on a pace that keeps a few lookups for the costliest titles
    /// (<see cref="ScannerOptions.FreshLookupReserve"/>); titles a sweep has told the worth of since they were queued are
    /// judged for free. Costliest first alone left a cold start's backlog (thousands of titles, 30 lookups a minute)
    /// ahead of every later listing, most of it known by then (measured: a $745 listing 40% under worth not looked up).
    /// </summary>
    private async Task LookUpUnknownTitlesAsync(ScannerOptions settings, DateTimeOffset pagesFillLaneUntil, CancellationToken stoppingToken)
    {
        if (settings.FreshLookupsPerMinute == 0)
        {
            return;
        }

        using var pace = TitleLookupPace.Create(settings.FreshLookupsPerMinute);
        // Kept titles are looked at again when a permit comes, whether or not a title was added meanwhile.
        var recheck = TitleLookupPace.Interval(settings.FreshLookupsPerMinute);
        await RepeatAsync(() => true, async ct =>
        {
            var fromCents = pace.GetStatistics()?.CurrentAvailablePermits > settings.FreshLookupReserve ? 0 : settings.FreshLookupReservedFromCents;
            if (await queue.TakeAsync(fromCents, recheck, ct) is not (var game, var title, var listings))
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var lookup = scope.ServiceProvider.GetRequiredService<TitleLookup>();
            if (await lookup.TryJudgeFromMemoryAsync(game, title, listings, ct))
            {
                return;
            }

            using var permit = await pace.AcquireAsync(1, ct);
            // The pages' first minutes take their whole lane; meanwhile the lookups spend the sweeps'.
            using (DMarketRateLane.Use(time.GetUtcNow() < pagesFillLaneUntil ? DMarketRateLane.Default : settings.FreshPagesLane))
            {
                await lookup.LookUpAsync(game, title, listings, ct);
            }
        }, settings, stoppingToken);
    }

    private async Task RepeatAsync(Func<bool> goOn, Func<CancellationToken, Task> step, ScannerOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && goOn())
        {
            try
            {
                await step(stoppingToken);
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
