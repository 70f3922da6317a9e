using Aspire.Hosting;

namespace DMarketAspire.UnitTests.Restarts;

public sealed class RestartPolicyDelayTests
{
    [Fact]
    public void TheDelayDoublesFromTheFirstUpToTheCap()
    {
        var policy = new RestartPolicy { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

        var delays = Enumerable.Range(0, 8).Select(policy.DelayAfter).Select(d => d.TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void TheDefaultsAreASecondDoublingToHalfAMinuteFiveTimesInTenMinutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RestartPolicy.Default.FirstDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), RestartPolicy.Default.MaxDelay);
        Assert.Equal(5, RestartPolicy.Default.MaxRestarts);
        Assert.Equal(TimeSpan.FromMinutes(10), RestartPolicy.Default.Window);
    }
}
