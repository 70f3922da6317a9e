using DMarketAspire.DMarket.Client.RateLimiting;
using StackExchange.Redis;

namespace DMarketAspire.Scanner.Infrastructure;

/// <summary>
/// One DMarket account's budget shared by every scanner replica, counted as <see cref="LocalDMarketRateLimiter"/>
/// counts it (each calendar second a request could land in, unanswered requests in every second they span) but kept in
/// Redis: a counter per group, lane and second, and a sorted set of the requests still unanswered. A request adds itself
/// first, then counts, in one MULTI/EXEC; over the quota it takes itself back and waits for the next second. No two
/// replicas can both believe they fit, and no Lua is needed, so it runs on Redis and on Garnet alike.
/// </summary>
public sealed class RedisDMarketRateLimiter(
    IConnectionMultiplexer redis,
    IOptions<DMarketRateLimitOptions> options,
    IOptions<Scanning.ScannerOptions> scannerOptions,
    TimeProvider time) : IDMarketRateLimiter
{
    private const long MillisecondsPerSecond = 1000;
    private static readonly TimeSpan CounterLifetime = TimeSpan.FromSeconds(10);

    private readonly string _prefix = $"{scannerOptions.Value.RedisKeyPrefix}ratelimit:";
    private long _sequence;

    public async ValueTask<DMarketPermit> AcquireAsync(DMarketRateLimitGroup group, string lane, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var laneName = limits.LaneOf(group, lane);
        var db = redis.GetDatabase();
        var member = (RedisValue)$"{Environment.ProcessId}:{Guid.NewGuid():N}:{Interlocked.Increment(ref _sequence)}";

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var pausedUntil = await db.StringGetAsync(PauseKey(group)).ConfigureAwait(false);
            if (pausedUntil.HasValue && (long)pausedUntil > now)
            {
                await DelayUntilAsync((long)pausedUntil, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var retryAt = await TryTakeAsync(db, group, laneName, member, now).ConfigureAwait(false);
            if (retryAt is null)
            {
                return new Permit(this, group, laneName, member, now, Tolerance);
            }

            // Outside any lane, its share spent: what a lending lane left unspent this second, once the second is far
            // enough on (DMarketLaneOptions.LendAfter), counted in that lane as in the in-process limiter.
            foreach (var (lender, lendsFrom) in limits.Lenders(group, laneName, now))
            {
                if (now < lendsFrom)
                {
                    retryAt = Math.Min(retryAt.Value, lendsFrom);
                }
                else if (await TryTakeAsync(db, group, lender, member, now).ConfigureAwait(false) is null)
                {
                    return new Permit(this, group, lender, member, now, Tolerance);
                }
            }

            await DelayUntilAsync(retryAt.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    public void OnRateLimited(DMarketRateLimitGroup group, DateTimeOffset until) => Pause(group, until);

    public void OnBudgetExhausted(DMarketRateLimitGroup group, DateTimeOffset until)
    {
        var limits = options.Value;
        var db = redis.GetDatabase();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var second = Second(now);
        var lanes = limits.Lanes.Where(l => l.Value.Group == group).Select(l => l.Key).Append(DMarketRateLane.Default);
        var ours = lanes.Sum(lane =>
            (long)db.StringGet(CounterKey(group, lane, second)) + db.SortedSetLength(InFlightKey(group, lane), double.NegativeInfinity, second * MillisecondsPerSecond, Exclude.Stop));
        if (ours < limits.PerSecond(group))
        {
            Pause(group, until);
        }
    }

    private long Tolerance => (long)options.Value.ClockTolerance.TotalMilliseconds;

    /// <summary>
    /// Counts a send in <paramref name="lane"/> in every second it could land in; over the quota in one, takes it back and
    /// returns when that second is over (null: counted, send it).
    /// </summary>
    private async Task<long?> TryTakeAsync(IDatabase db, DMarketRateLimitGroup group, string lane, RedisValue member, long now)
    {
        var limits = options.Value;
        var quota = limits.LaneQuota(group, lane);
        var inFlight = InFlightKey(group, lane);
        var seconds = Seconds(now - Tolerance, now + Tolerance);
        var transaction = db.CreateTransaction();
        _ = transaction.SortedSetRemoveRangeByScoreAsync(inFlight, double.NegativeInfinity, now - limits.InFlightExpiry.TotalMilliseconds);
        var counted = seconds.Select(s => transaction.StringIncrementAsync(CounterKey(group, lane, s))).ToList();
        foreach (var second in seconds)
        {
            _ = transaction.KeyExpireAsync(CounterKey(group, lane, second), CounterLifetime);
        }

        _ = transaction.SortedSetAddAsync(inFlight, member, now);
        // Unanswered requests granted before a second began (and its tolerance) were not counted in it at grant.
        var spanning = seconds.Select(s => transaction.SortedSetLengthAsync(inFlight, double.NegativeInfinity, (s * MillisecondsPerSecond) - Tolerance, Exclude.Stop)).ToList();
        _ = transaction.KeyExpireAsync(inFlight, limits.InFlightExpiry);
        await transaction.ExecuteAsync().ConfigureAwait(false);

        for (var i = 0; i < seconds.Count; i++)
        {
            if (await counted[i].ConfigureAwait(false) + await spanning[i].ConfigureAwait(false) > quota)
            {
                var undo = db.CreateTransaction();
                foreach (var second in seconds)
                {
                    _ = undo.StringDecrementAsync(CounterKey(group, lane, second));
                }

                _ = undo.SortedSetRemoveAsync(inFlight, member);
                await undo.ExecuteAsync().ConfigureAwait(false);
                return ((seconds[i] + 1) * MillisecondsPerSecond) + Tolerance;
            }
        }

        return null;
    }

    private void Complete(DMarketRateLimitGroup group, string lane, RedisValue member, long grantedMs, long tolerance)
    {
        // Answered now: it may have landed in any second it spanned unanswered, so those still counted keep it.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.SortedSetRemoveAsync(InFlightKey(group, lane), member);
        foreach (var second in Seconds(Math.Max(grantedMs + tolerance + MillisecondsPerSecond, now - tolerance), now + tolerance).Where(s => s > Second(grantedMs + tolerance)))
        {
            _ = transaction.StringIncrementAsync(CounterKey(group, lane, second));
            _ = transaction.KeyExpireAsync(CounterKey(group, lane, second), CounterLifetime);
        }

        _ = transaction.ExecuteAsync(CommandFlags.FireAndForget);
    }

    private async Task DelayUntilAsync(long unixMs, CancellationToken cancellationToken) =>
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, unixMs - time.GetUtcNow().ToUnixTimeMilliseconds())), time, cancellationToken).ConfigureAwait(false);

    private void Pause(DMarketRateLimitGroup group, DateTimeOffset until)
    {
        var wait = until - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            redis.GetDatabase().StringSet(PauseKey(group), until.ToUnixTimeMilliseconds(), wait, flags: CommandFlags.FireAndForget);
        }
    }

    private static List<long> Seconds(long fromMs, long toMs)
    {
        List<long> seconds = [];
        for (var s = Second(fromMs); s <= Second(toMs); s++)
        {
            seconds.Add(s);
        }

        return seconds;
    }

    private static long Second(long ms) => Math.DivRem(ms, MillisecondsPerSecond, out var rest) - (rest < 0 ? 1 : 0);

    private RedisKey CounterKey(DMarketRateLimitGroup group, string lane, long second) => $"{_prefix}{group}:{lane}:{second}";

    private RedisKey InFlightKey(DMarketRateLimitGroup group, string lane) => $"{_prefix}{group}:{lane}:inflight";

    private RedisKey PauseKey(DMarketRateLimitGroup group) => $"{_prefix}{group}:paused";

    private sealed class Permit(RedisDMarketRateLimiter limiter, DMarketRateLimitGroup group, string lane, RedisValue member, long grantedMs, long tolerance) : DMarketPermit
    {
        protected override void OnCompleted() => limiter.Complete(group, lane, member, grantedMs, tolerance);
    }
}
