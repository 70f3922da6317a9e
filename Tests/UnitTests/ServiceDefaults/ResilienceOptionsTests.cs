using DMarketAspire.TestSupport;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.ServiceDefaults;

/// <summary>The resilience settings every service gets, as options; their behaviour against servers is in the integration tests.</summary>
public sealed class ResilienceOptionsTests
{
    [Fact]
    public void DefaultsMatchTheStandardResilienceHandler()
    {
        var options = new HttpStandardResilienceOptions();

        Assert.Equal(1000, options.RateLimiter.DefaultRateLimiterOptions.PermitLimit);
        Assert.Equal(0, options.RateLimiter.DefaultRateLimiterOptions.QueueLimit);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TotalRequestTimeout.Timeout);
        Assert.Equal(3, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Retry.Delay);
        Assert.Equal(Polly.DelayBackoffType.Exponential, options.Retry.BackoffType);
        Assert.True(options.Retry.UseJitter);
        Assert.True(options.Retry.ShouldRetryAfterHeader);
        Assert.Equal(0.1, options.CircuitBreaker.FailureRatio);
        Assert.Equal(100, options.CircuitBreaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CircuitBreaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CircuitBreaker.BreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout.Timeout);
    }

    [Fact]
    public void InconsistentOptionsFailWithAClearMessage()
    {
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?>
        {
            ["Resilience:broken:AttemptTimeout:Timeout"] = "00:01:00",
        }, ServiceDefaultsHost.OwnStandardHandler("broken"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient("broken"));
        Assert.Contains("Attempt Timeout", error.Message);
        Assert.Equal("broken-standard", error.OptionsName);
    }
}
