using System.Text.Json;
using StackExchange.Redis;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// The listings waiting on their title's sales (<see cref="PendingListings"/>), kept in Redis per game as well, so that
/// whoever leads the fresh pass next (this process after a restart, or another replica) asks for those sales again.
/// The fresh pass pages back only to its predecessor's newest listing, so without them a listing waiting when the
/// Scanner died was left to the sweeps, minutes later at market scale (measured: two of three under-worth listings
/// missed after a restart had been waiting for their sales when it came).
/// </summary>
public sealed partial class PendingListingsStore(IConnectionMultiplexer redis, TimeProvider time, IOptions<ScannerOptions> options, ILogger<PendingListingsStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps listings now waiting, with the title's item id and its place in the sales queue; drops those waiting past the limit.</summary>
    public async Task SaveAsync(string gameId, IReadOnlyCollection<PendingListing> waiting)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var database = redis.GetDatabase();
        try
        {
            var batch = database.CreateBatch();
            var saved = batch.HashSetAsync(DataKey(gameId), [.. waiting.Select(w => new HashEntry(w.Listing.OfferId, JsonSerializer.Serialize(w, Json)))]);
            // NX: a listing saved again keeps the time it started waiting, so a listing never waits past the limit in all.
            var since = batch.SortedSetAddAsync(SinceKey(gameId), [.. waiting.Select(w => new SortedSetEntry(w.Listing.OfferId, now))], SortedSetWhen.NotExists);
            var expired = batch.SortedSetRangeByScoreAsync(SinceKey(gameId), double.NegativeInfinity, Cutoff());
            batch.Execute();
            await Task.WhenAll(saved, since, expired);
            await RemoveAsync(database, gameId, await expired);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // They still wait in this process; only a restart before their sales come would leave them to the sweeps.
            LogUnavailable(logger, gameId, exception);
        }
    }

    /// <summary>Forgets listings whose sales came (they are priced).</summary>
    public async Task RemoveAsync(string gameId, IEnumerable<string> offerIds)
    {
        try
        {
            await RemoveAsync(redis.GetDatabase(), gameId, [.. offerIds.Select(id => (RedisValue)id)]);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            LogUnavailable(logger, gameId, exception);
        }
    }

    /// <summary>The listings still waiting within the limit, as the last process to lead left them.</summary>
    public async Task<IReadOnlyList<PendingListing>> LoadAsync(string gameId)
    {
        try
        {
            var database = redis.GetDatabase();
            var current = await database.SortedSetRangeByScoreAsync(SinceKey(gameId), Cutoff(), double.PositiveInfinity, Exclude.Start);
            if (current.Length == 0)
            {
                return [];
            }

            var values = await database.HashGetAsync(DataKey(gameId), current);
            return [.. values.Where(v => v.HasValue).Select(v => JsonSerializer.Deserialize<PendingListing>(v.ToString(), Json)!)];
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            LogUnavailable(logger, gameId, exception);
            return [];
        }
    }

    private async Task RemoveAsync(IDatabase database, string gameId, RedisValue[] offerIds)
    {
        if (offerIds.Length == 0)
        {
            return;
        }

        var batch = database.CreateBatch();
        var data = batch.HashDeleteAsync(DataKey(gameId), offerIds);
        var since = batch.SortedSetRemoveAsync(SinceKey(gameId), offerIds);
        batch.Execute();
        await Task.WhenAll(data, since);
    }

    private double Cutoff() => (time.GetUtcNow() - options.Value.PendingMaxAge).ToUnixTimeMilliseconds();

    private RedisKey DataKey(string gameId) => $"{options.Value.RedisKeyPrefix}pending:{gameId}";

    private RedisKey SinceKey(string gameId) => $"{options.Value.RedisKeyPrefix}pending-since:{gameId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for {Game}'s listings waiting on sales; a restart leaves them to the sweeps.")]
    private static partial void LogUnavailable(ILogger logger, string game, Exception exception);
}
