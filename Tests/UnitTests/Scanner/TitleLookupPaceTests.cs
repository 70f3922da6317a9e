using DMarketAspire.Scanner.Scanning;

namespace DMarketAspire.UnitTests.Scanner;

/// <summary>Title lookups: a minute's worth at once when the backlog starts, then one at a time, evenly.</summary>
public sealed class TitleLookupPaceTests
{
    [Fact]
    public void AFullMinuteIsSpentAtOnceThenLookupsComeBackOneAtATimeNotAsAMinutesBurst()
    {
        // 600 a minute: one every 100 ms, so a quarter of a second is enough to see how they come back.
        using var pace = TitleLookupPace.Create(600, replenishOnItsOwn: false);
        Assert.Equal(TimeSpan.FromMilliseconds(100), pace.ReplenishmentPeriod);

        Assert.All(Enumerable.Range(0, 600), _ => Assert.True(pace.AttemptAcquire().IsAcquired));
        Assert.False(pace.AttemptAcquire().IsAcquired);

        Thread.Sleep(TimeSpan.FromMilliseconds(250));
        Assert.True(pace.TryReplenish());

        // About two and a half periods: two or so lookups, however slow the machine, never the minute's 600 at once (a
        // sliding window gave none back for most of a minute, then all).
        var back = pace.GetStatistics()!.CurrentAvailablePermits;
        Assert.InRange(back, 2, 60);
    }

    [Fact]
    public void MostDiscountedPagesStartWithOnePerGameNotAMinutesWorth()
    {
        using var pace = TitleLookupPace.Create(120, burst: 4, replenishOnItsOwn: false);
        Assert.Equal(TimeSpan.FromMilliseconds(500), pace.ReplenishmentPeriod);

        Assert.All(Enumerable.Range(0, 4), _ => Assert.True(pace.AttemptAcquire().IsAcquired));
        Assert.False(pace.AttemptAcquire().IsAcquired);
    }
}
