using StackExchange.Redis;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Per game, when the newest listing the fresh pass has seen was listed, kept in Redis so that whoever leads the pass
/// next (this process after a restart, or another replica) pages back to it instead of starting from the newest page:
/// a restart's gap (about 60 listings a second a game at market scale) is older than one page, and only the sweeps,
/// minutes later, found its listings.
/// </summary>
public sealed partial class FreshWatermarks(IConnectionMultiplexer redis, IOptions<ScannerOptions> options, ILogger<FreshWatermarks> logger)
{
    /// <summary>The newest listing time a leader recorded, or null when none is recorded within the resume window.</summary>
    public async Task<DateTimeOffset?> GetAsync(string gameId)
    {
        if (options.Value.FreshResumeMaxGap <= TimeSpan.Zero)
        {
            return null;
        }

        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(gameId));
            // StackExchange.Redis parses a missing key as 0: a cold start resumed from 1970 and its first look read the
            // catch-up's 20 pages per game and their books (36 s at market scale) before any newer listing.
            return value.HasValue && value.TryParse(out long milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
        }
        catch (RedisException exception)
        {
            // Without it, the pass starts from the newest page as it did before; the sweeps cover the gap.
            LogUnavailable(logger, gameId, exception);
            return null;
        }
    }

    /// <summary>Records a look's newest listing; it lapses after the resume window, past which a gap is the sweeps' to cover.</summary>
    public async Task SetAsync(string gameId, DateTimeOffset newestListedAt)
    {
        var window = options.Value.FreshResumeMaxGap;
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().StringSetAsync(Key(gameId), newestListedAt.ToUnixTimeMilliseconds(), window);
        }
        catch (RedisException exception)
        {
            LogUnavailable(logger, gameId, exception);
        }
    }

    private RedisKey Key(string gameId) => $"{options.Value.RedisKeyPrefix}fresh:newest:{gameId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for {Game}'s fresh-listings watermark; a restart starts from the newest page.")]
    private static partial void LogUnavailable(ILogger logger, string game, Exception exception);
}
