namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// Paces requests to DMarket per rate-limit group and lane. The in-process implementation serves one replica; a shared
/// one (Redis) lets several replicas spend one account's budget together.
/// </summary>
public interface IDMarketRateLimiter
{
    /// <summary>
    /// Completes when one request of <paramref name="group"/> in <paramref name="lane"/> may be sent now. Complete the
    /// permit once the response (or failure) is in: until then the request may still land in a later second.
    /// </summary>
    ValueTask<DMarketPermit> AcquireAsync(DMarketRateLimitGroup group, string lane, CancellationToken cancellationToken);

    /// <summary>DMarket answered 429: send nothing of the group before <paramref name="until"/>.</summary>
    void OnRateLimited(DMarketRateLimitGroup group, DateTimeOffset until);

    /// <summary>
    /// DMarket said <c>RateLimit-Remaining: 0</c>. When our own sends account for that, pacing already handles it;
    /// when they do not, something else spends this account's budget, so pause until <paramref name="until"/>.
    /// </summary>
    void OnBudgetExhausted(DMarketRateLimitGroup group, DateTimeOffset until);
}
