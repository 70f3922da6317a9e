using DMarketAspire.DMarket.RateLimiting;
using StackExchange.Redis;

namespace DMarketAspire.Scanner.Infrastructure;

/// <summary>
/// One DMarket account's budget shared by every scanner replica: an exact sliding window per group kept in a Redis
/// sorted set of send times. A request adds itself first, then counts; over the limit it takes itself back and
/// waits for the oldest send to leave the window. Add-then-count in one MULTI/EXEC never lets two replicas both
/// believe they fit, and needs no Lua, so it runs on Redis and on Garnet alike.
/// </summary>
public sealed class RedisDMarketRateLimiter(
    IConnectionMultiplexer redis,
    IOptions<DMarketRateLimitOptions> options,
    IOptions<Scanning.ScannerOptions> scannerOptions,
    TimeProvider time) : IDMarketRateLimiter
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(2);

    private readonly string _prefix = $"{scannerOptions.Value.RedisKeyPrefix}ratelimit:";
    private long _sequence;

    public async ValueTask AcquireAsync(DMarketRateLimitGroup group, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = (RedisKey)(_prefix + group);
        var pauseKey = (RedisKey)(_prefix + group + ":paused");
        var limit = options.Value.PerSecond(group);
        var windowMs = (Window + options.Value.SafetyMargin).TotalMilliseconds;
        var member = (RedisValue)$"{Environment.ProcessId}:{Guid.NewGuid():N}:{Interlocked.Increment(ref _sequence)}";

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();

            var pausedUntil = await db.StringGetAsync(pauseKey).ConfigureAwait(false);
            if (pausedUntil.HasValue && (long)pausedUntil > now)
            {
                await Task.Delay(TimeSpan.FromMilliseconds((long)pausedUntil - now), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var transaction = db.CreateTransaction();
            _ = transaction.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, now - windowMs, Exclude.Stop);
            _ = transaction.SortedSetAddAsync(key, member, now);
            var count = transaction.SortedSetLengthAsync(key);
            _ = transaction.KeyExpireAsync(key, KeyLifetime);
            await transaction.ExecuteAsync().ConfigureAwait(false);

            if (await count.ConfigureAwait(false) <= limit)
            {
                // Stamp the send with when it was granted, not when we began asking: under load the Redis round trips
                // between the two would otherwise let the next permits come early. Pipelined, so no extra wait.
                _ = db.SortedSetAddAsync(key, member, time.GetUtcNow().ToUnixTimeMilliseconds(), CommandFlags.FireAndForget);
                return;
            }

            await db.SortedSetRemoveAsync(key, member).ConfigureAwait(false);
            var oldest = await db.SortedSetRangeByRankWithScoresAsync(key, 0, 0).ConfigureAwait(false);
            var wait = oldest.Length > 0 ? TimeSpan.FromMilliseconds(oldest[0].Score + windowMs - now) : MinWait;
            // Jitter, so replicas that collided do not collide again on the same millisecond.
            wait = (wait > MinWait ? wait : MinWait) + TimeSpan.FromMilliseconds(Random.Shared.Next(3));
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void OnRateLimited(DMarketRateLimitGroup group, DateTimeOffset until) => Pause(group, until);

    public void OnBudgetExhausted(DMarketRateLimitGroup group, DateTimeOffset until)
    {
        var db = redis.GetDatabase();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (Window + options.Value.SafetyMargin).TotalMilliseconds;
        var ours = db.SortedSetLength(_prefix + group, now - windowMs, double.PositiveInfinity);
        if (ours < options.Value.PerSecond(group))
        {
            Pause(group, until);
        }
    }

    private static TimeSpan Window => TimeSpan.FromSeconds(1);

    private void Pause(DMarketRateLimitGroup group, DateTimeOffset until)
    {
        var wait = until - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            redis.GetDatabase().StringSet(_prefix + group + ":paused", until.ToUnixTimeMilliseconds(), wait, flags: CommandFlags.FireAndForget);
        }
    }
}
