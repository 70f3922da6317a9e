using System.Threading.RateLimiting;
using Polly;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>The standard handler's outermost stage; Polly.RateLimiting is not served here, so it is a Polly.Core strategy.</summary>
internal sealed class ConcurrencyLimiterStrategy(HttpRateLimiterStrategyOptions options) : ResilienceStrategy<HttpResponseMessage>
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.PermitLimit,
        QueueLimit = options.QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        using var lease = await _limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        if (!lease.IsAcquired)
        {
            return Outcome.FromException<HttpResponseMessage>(new RateLimiterRejectedException(
                $"More than {options.PermitLimit} requests in flight (queue {options.QueueLimit}); request rejected."));
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
