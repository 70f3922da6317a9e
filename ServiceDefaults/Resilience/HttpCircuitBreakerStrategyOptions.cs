using Polly.CircuitBreaker;

namespace Microsoft.Extensions.Http.Resilience;

public sealed class HttpCircuitBreakerStrategyOptions : CircuitBreakerStrategyOptions<HttpResponseMessage>
{
    public HttpCircuitBreakerStrategyOptions()
    {
        Name = "Standard-CircuitBreaker";
        FailureRatio = 0.1;
        MinimumThroughput = 100;
        SamplingDuration = TimeSpan.FromSeconds(30);
        BreakDuration = TimeSpan.FromSeconds(5);
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }
}
