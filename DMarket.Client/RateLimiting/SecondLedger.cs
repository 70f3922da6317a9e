namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// One lane's sends as DMarket counts them: per calendar second of its clock, on arrival. A request arrives somewhere
/// between its grant and its answer, so it "touches" every second from <c>grant − tolerance</c> to
/// <c>answer + tolerance</c> (to the present while unanswered), and a new request is granted only if no second it could
/// land in is touched <c>quota</c> times already. However late a request reaches DMarket, no second sees more than the
/// quota; when every second is full, sends go out together right after the next second starts.
/// </summary>
internal sealed class SecondLedger(int quota, long toleranceMs)
{
    private const long MillisecondsPerSecond = 1000;

    private readonly List<Entry> _entries = [];

    public int Quota => quota;

    /// <summary>Records a send at <paramref name="nowMs"/> and returns it; null and the earliest time to try again when none fits.</summary>
    public Entry? TryGrant(long nowMs, out long retryAtMs)
    {
        Prune(nowMs);
        for (var second = Second(nowMs - toleranceMs); second <= Second(nowMs + toleranceMs); second++)
        {
            if (Touching(second, nowMs) >= quota)
            {
                retryAtMs = ((second + 1) * MillisecondsPerSecond) + toleranceMs;
                return null;
            }
        }

        var entry = new Entry(nowMs);
        _entries.Add(entry);
        retryAtMs = nowMs;
        return entry;
    }

    /// <summary>Sends that may have landed in the second that holds <paramref name="nowMs"/>.</summary>
    public int TouchingNow(long nowMs) => Touching(Second(nowMs), nowMs);

    private int Touching(long second, long nowMs)
    {
        var count = 0;
        foreach (var entry in _entries)
        {
            if (Second(entry.GrantedMs - toleranceMs) <= second && second <= Second((entry.AnsweredMs ?? nowMs) + toleranceMs))
            {
                count++;
            }
        }

        return count;
    }

    private void Prune(long nowMs)
    {
        var current = Second(nowMs - toleranceMs);
        _entries.RemoveAll(e => e.AnsweredMs is { } answered && Second(answered + toleranceMs) < current);
    }

    /// <summary>The start of the calendar second that holds <paramref name="ms"/>.</summary>
    public static long StartOfSecond(long ms) => Second(ms) * MillisecondsPerSecond;

    private static long Second(long ms) => Math.DivRem(ms, MillisecondsPerSecond, out var rest) - (rest < 0 ? 1 : 0);

    internal sealed class Entry(long grantedMs)
    {
        public long GrantedMs { get; } = grantedMs;

        public long? AnsweredMs { get; set; }
    }
}
