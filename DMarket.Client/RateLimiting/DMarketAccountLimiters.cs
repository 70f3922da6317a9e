using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// One in-process limiter per user account (by public key): DMarket counts per account, so a user's calls spend their
/// own budget and never the service's, nor another user's.
/// </summary>
public sealed class DMarketAccountLimiters(IOptions<DMarketRateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LocalDMarketRateLimiter> _accounts = new(StringComparer.Ordinal);

    public IDMarketRateLimiter For(string publicKeyHex) => _accounts.GetOrAdd(publicKeyHex, _ => new LocalDMarketRateLimiter(options, time));
}
