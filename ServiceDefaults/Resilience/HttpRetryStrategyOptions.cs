using Polly;
using Polly.Retry;

namespace Microsoft.Extensions.Http.Resilience;

public sealed class HttpRetryStrategyOptions : RetryStrategyOptions<HttpResponseMessage>
{
    public HttpRetryStrategyOptions()
    {
        Name = "Standard-Retry";
        MaxRetryAttempts = 3;
        Delay = TimeSpan.FromSeconds(2);
        BackoffType = DelayBackoffType.Exponential;
        UseJitter = true;
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome));
        DelayGenerator = args => ValueTask.FromResult(ShouldRetryAfterHeader ? RetryAfter(args.Outcome.Result) : null);
    }

    /// <summary>When the server says how long to wait (429, 503), wait exactly that instead of the backoff.</summary>
    public bool ShouldRetryAfterHeader { get; set; } = true;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
