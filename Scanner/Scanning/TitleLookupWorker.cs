namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Drains <see cref="TitleLookupQueue"/>, costliest title first, at most <see cref="ScannerOptions.FreshLookupsPerMinute"/>
/// a minute, evenly (<see cref="TitleLookupPace"/>). Off the fresh pass's rounds and out of its lane: inside them, each
/// lookup delayed the next look at every game's newest listings, most in the first minute, when nearly every title is
/// unknown (measured: listings under the best bid took 5–8 s to show then). The lookups spend the sweeps' share of the
/// market-items budget instead. While a game has many titles waiting (a cold start, a restart: thousands), a permit reads
/// that game's most discounted page instead, games in turn: one request tells up to a hundred titles' suggested prices,
/// the likeliest opportunities first, where a lookup tells one title's.
/// </summary>
public sealed partial class TitleLookupWorker(TitleLookupQueue queue, MarketMemory memory, IServiceScopeFactory scopes, SchemaGate schema,
    IOptions<ScannerOptions> options, ILogger<TitleLookupWorker> logger) : BackgroundService
{
    private string? _lastPaged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.FreshLookupsPerMinute == 0)
        {
            return;
        }

        await schema.WaitAsync(stoppingToken);

        using var pace = TitleLookupPace.Create(settings.FreshLookupsPerMinute);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var permit = await pace.AcquireAsync(1, stoppingToken);
                await queue.WaitForTitlesAsync(stoppingToken);
                if (NextCrowdedGame(settings) is { } game)
                {
                    await ReadMostDiscountedAsync(game, stoppingToken);
                }
                else
                {
                    await LookUpNextUnknownAsync(stoppingToken);
                }
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

    /// <summary>The next game, in turn, with at least <see cref="ScannerOptions.FreshDiscountPageMinTitles"/> titles waiting.</summary>
    private string? NextCrowdedGame(ScannerOptions settings)
    {
        var crowded = settings.FreshDiscountPageSize > 0 ? queue.GamesWithAtLeast(settings.FreshDiscountPageMinTitles) : [];
        if (crowded.Count == 0)
        {
            return null;
        }

        _lastPaged = crowded.FirstOrDefault(g => string.CompareOrdinal(g, _lastPaged) > 0) ?? crowded[0];
        return _lastPaged;
    }

    /// <summary>
    /// A game with many titles waiting (a cold start, a restart): its most discounted page tells the worth of the
    /// likeliest among them at once, and every title it (or a sweep meanwhile) told is judged now, not on its turn.
    /// </summary>
    private async Task ReadMostDiscountedAsync(string gameId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<TitleLookup>();
        await lookup.ReadMostDiscountedAsync(gameId, stoppingToken);
        await lookup.JudgeFromMemoryAsync(gameId, queue.TakeKnown(gameId, t => memory.Recall(gameId, t) is { KnowsWorth: true }), stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking up a title failed; its listings are left to the sweeps.")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception);
}
