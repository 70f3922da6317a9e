namespace DMarketAspire.DMarket.RateLimiting;

/// <summary>
/// Paces requests to DMarket per rate-limit group. The in-process implementation serves one replica; a shared
/// one (Redis) lets several replicas spend one account's budget together.
/// </summary>
public interface IDMarketRateLimiter
{
    /// <summary>Completes when one request of <paramref name="group"/> may be sent now.</summary>
    ValueTask AcquireAsync(DMarketRateLimitGroup group, CancellationToken cancellationToken);

    /// <summary>DMarket said the group's budget is spent (a 429, or <c>RateLimit-Remaining: 0</c>): send nothing of it before <paramref name="until"/>.</summary>
    void PauseUntil(DMarketRateLimitGroup group, DateTimeOffset until);
}
