using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>The same consistency rules Microsoft.Extensions.Http.Resilience enforces.</summary>
internal sealed class HttpStandardResilienceOptionsValidator : IValidateOptions<HttpStandardResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpStandardResilienceOptions options)
    {
        List<string> failures = [];

        if (options.AttemptTimeout.Timeout > options.TotalRequestTimeout.Timeout)
        {
            failures.Add($"AttemptTimeout ({options.AttemptTimeout.Timeout}) must not exceed TotalRequestTimeout ({options.TotalRequestTimeout.Timeout}).");
        }

        if (options.CircuitBreaker.SamplingDuration < 2 * options.AttemptTimeout.Timeout)
        {
            failures.Add($"CircuitBreaker.SamplingDuration ({options.CircuitBreaker.SamplingDuration}) must be at least twice AttemptTimeout ({options.AttemptTimeout.Timeout}).");
        }

        if (options.RateLimiter.PermitLimit <= 0 || options.RateLimiter.QueueLimit < 0)
        {
            failures.Add("RateLimiter.PermitLimit must be positive and RateLimiter.QueueLimit not negative.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"Resilience options '{name}': {f}"));
    }
}
