namespace Microsoft.Extensions.Http.Resilience;

/// <summary>Thrown when a client already has as many requests in flight as its rate limiter allows.</summary>
public sealed class RateLimiterRejectedException(string message) : Exception(message);
