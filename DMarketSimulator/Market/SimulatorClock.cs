namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>The simulator's idea of now: the machine clock plus an offset tests can set (to test signature skew).</summary>
public sealed class SimulatorClock(TimeProvider time)
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public DateTimeOffset UtcNow => time.GetUtcNow() + Offset;
}
