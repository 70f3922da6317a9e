using System.Globalization;
using StackExchange.Redis;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// The listing watch's <see cref="ListingCounts"/>, kept in Redis per game after each round and taken back before the
/// next, so that whoever watches next (this process after a restart, or another replica once the lease moves) still
/// sees the falls since the last look. Held only in memory, a restart's first look became the new baseline: listings
/// sold while no one watched never showed as a fall, and their opportunities above the title's cheapest listing stayed
/// shown until the next sweep of their level, minutes later at market scale.
/// </summary>
public sealed partial class ListingCountsStore(IConnectionMultiplexer redis, IOptions<ScannerOptions> options, ILogger<ListingCountsStore> logger)
{
    private const char Separator = ':';

    /// <summary>Puts the game's counts as the last round left them into <paramref name="counts"/>; without Redis, keeps what this process knows.</summary>
    public async Task RestoreAsync(string gameId, ListingCounts counts)
    {
        try
        {
            var entries = await redis.GetDatabase().HashGetAllAsync(Key(gameId));
            counts.Replace(gameId, entries.Select(Parse).OfType<TitleListingCount>());
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            LogUnavailable(logger, gameId, exception);
        }
    }

    /// <summary>Keeps the game's counts for the next round, in place of the last; they lapse after <see cref="ScannerOptions.ListingCountsMaxAge"/> unwatched.</summary>
    public async Task SaveAsync(string gameId, ListingCounts counts)
    {
        var titles = counts.Of(gameId);
        try
        {
            // One transaction: a reader never sees the old round's titles mixed with the new one's.
            var transaction = redis.GetDatabase().CreateTransaction();
            _ = transaction.KeyDeleteAsync(Key(gameId));
            if (titles.Count > 0)
            {
                _ = transaction.HashSetAsync(Key(gameId), [.. titles.Select(t => new HashEntry(t.Title, Format(t)))]);
                _ = transaction.KeyExpireAsync(Key(gameId), options.Value.ListingCountsMaxAge);
            }

            await transaction.ExecuteAsync();
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            LogUnavailable(logger, gameId, exception);
        }
    }

    private static string Format(TitleListingCount title) =>
        string.Create(CultureInfo.InvariantCulture, $"{title.Count}{Separator}{title.Left}");

    private static TitleListingCount? Parse(HashEntry entry)
    {
        var value = entry.Value.ToString();
        var at = value.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0
            && long.TryParse(value.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && long.TryParse(value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var left)
            ? new TitleListingCount(entry.Name.ToString(), count, left)
            : null;
    }

    private RedisKey Key(string gameId) => $"{options.Value.RedisKeyPrefix}listing-counts:{gameId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for {Game}'s listing counts; the listing watch goes on with what this replica knows.")]
    private static partial void LogUnavailable(ILogger logger, string game, Exception exception);
}
