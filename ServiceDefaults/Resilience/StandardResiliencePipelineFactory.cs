using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>
/// One pipeline per client name for the life of the app: handlers are recycled every few minutes by the
/// HttpClient factory, and the circuit breaker's state must survive that.
/// </summary>
public sealed class StandardResiliencePipelineFactory(IOptionsMonitor<HttpStandardResilienceOptions> options)
{
    public const string OptionsNameSuffix = "-standard";

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    public static string OptionsName(string clientName) => clientName + OptionsNameSuffix;

    public ResiliencePipeline<HttpResponseMessage> GetPipeline(string clientName) =>
        _pipelines.GetOrAdd(clientName, name => Build(options.Get(OptionsName(name))));

    private static ResiliencePipeline<HttpResponseMessage> Build(HttpStandardResilienceOptions o) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddStrategy(_ => new ConcurrencyLimiterStrategy(o.RateLimiter), o.RateLimiter)
            .AddTimeout(o.TotalRequestTimeout)
            .AddRetry(o.Retry)
            .AddCircuitBreaker(o.CircuitBreaker)
            .AddTimeout(o.AttemptTimeout)
            .Build();
}
