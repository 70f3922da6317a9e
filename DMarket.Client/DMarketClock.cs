namespace DMarketAspire.DMarket.Client;

/// <summary>
/// DMarket rejects a signature dated more than 120 s from its own clock. This keeps the offset between our
/// clock and DMarket's, learned from each response's <c>Date</c> header, so a skewed machine still signs right.
/// </summary>
public sealed class DMarketClock(TimeProvider time)
{
    // Date has one-second resolution; differences within it are noise, not skew.
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(2);

    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public DateTimeOffset UtcNow => time.GetUtcNow() + Offset;

    /// <summary>Learns from a server <c>Date</c>; returns true when the offset changed (a 401 then deserves a retry).</summary>
    public bool Observe(DateTimeOffset serverDate)
    {
        var measured = serverDate - time.GetUtcNow();
        if ((measured - Offset).Duration() < Resolution)
        {
            return false;
        }

        Interlocked.Exchange(ref _offsetTicks, measured.Ticks);
        return true;
    }
}
