using Polly;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>A concurrency limit on the client's requests; Polly's default: 1000 at once, none queued.</summary>
public sealed class HttpRateLimiterStrategyOptions : ResilienceStrategyOptions
{
    public HttpRateLimiterStrategyOptions() => Name = "Standard-RateLimiter";

    public int PermitLimit { get; set; } = 1000;

    public int QueueLimit { get; set; }
}
