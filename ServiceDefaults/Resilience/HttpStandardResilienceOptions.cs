namespace Microsoft.Extensions.Http.Resilience;

/// <summary>
/// The five strategies of the standard resilience handler, outermost first, with
/// Microsoft.Extensions.Http.Resilience's defaults. Bound per client from configuration.
/// </summary>
public sealed class HttpStandardResilienceOptions
{
    public HttpRateLimiterStrategyOptions RateLimiter { get; set; } = new();

    public HttpTimeoutStrategyOptions TotalRequestTimeout { get; set; } = new()
    {
        Name = "Standard-TotalRequestTimeout",
        Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpRetryStrategyOptions Retry { get; set; } = new();

    public HttpCircuitBreakerStrategyOptions CircuitBreaker { get; set; } = new();

    public HttpTimeoutStrategyOptions AttemptTimeout { get; set; } = new()
    {
        Name = "Standard-AttemptTimeout",
        Timeout = TimeSpan.FromSeconds(10),
    };
}
