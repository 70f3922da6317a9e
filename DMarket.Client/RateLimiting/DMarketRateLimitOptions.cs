using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>Bound from <c>DMarket:RateLimits</c>. Defaults are DMarket's published limits and groups.</summary>
public sealed class DMarketRateLimitOptions : IValidatableObject
{
    [Range(1, 1000)]
    public int MarketItemsPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.MarketItems);

    [Range(1, 1000)]
    public int LastSalesPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.LastSales);

    [Range(1, 1000)]
    public int FeesPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.Fees);

    [Range(1, 1000)]
    public int OtherPerSecond { get; set; } = DMarketRateLimits.DefaultPerSecond(DMarketRateLimitGroup.Other);

    /// <summary>
    /// Rules tried before DMarket's own table (<see cref="DMarketRateLimits.DefaultRules"/>), first match wins; empty
    /// by default (the configuration binder appends to a list, so the defaults live in code, not here).
    /// </summary>
    public List<DMarketRateGroupRule> Groups { get; set; } = [];

    /// <summary>Named shares of a group's budget (see <see cref="DMarketRateLane"/>); none by default.</summary>
    public Dictionary<string, DMarketLaneOptions> Lanes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How far DMarket's clock may be from ours within a second. DMarket counts each calendar second of its clock; a
    /// request sent or answered this close to a second's edge is counted in both seconds it could have landed in.
    /// </summary>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>How many times one request waits out a 429 (for <c>RateLimit-Reset</c>) before giving up.</summary>
    [Range(0, 20)]
    public int MaxRateLimitedRetries { get; set; } = 3;

    /// <summary>The longest wait a 429 may impose; a larger <c>RateLimit-Reset</c> is capped.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A request still unanswered after this long (its sender died) stops holding budget in the shared limiter.</summary>
    public TimeSpan InFlightExpiry { get; set; } = TimeSpan.FromMinutes(2);

    public int PerSecond(DMarketRateLimitGroup group) => group switch
    {
        DMarketRateLimitGroup.MarketItems => MarketItemsPerSecond,
        DMarketRateLimitGroup.LastSales => LastSalesPerSecond,
        DMarketRateLimitGroup.Fees => FeesPerSecond,
        _ => OtherPerSecond,
    };

    /// <summary>The lane a request of <paramref name="group"/> in <paramref name="lane"/> spends: its own, or the default lane.</summary>
    public string LaneOf(DMarketRateLimitGroup group, string lane) =>
        Lanes.TryGetValue(lane, out var reserved) && reserved.Group == group ? lane : DMarketRateLane.Default;

    /// <summary>Requests per second a lane may send: its share (at least one), and for the default lane what the shares leave.</summary>
    public int LaneQuota(DMarketRateLimitGroup group, string lane)
    {
        var limit = PerSecond(group);
        if (LaneOf(group, lane) != DMarketRateLane.Default)
        {
            return Reserved(Lanes[lane], limit);
        }

        return limit - Lanes.Values.Where(l => l.Group == group).Sum(l => Reserved(l, limit));
    }

    /// <summary>
    /// The lanes of <paramref name="group"/> a request in <paramref name="lane"/> may borrow from (only a request outside any
    /// lane borrows), and from when in the second of <paramref name="nowMs"/> (Unix ms) each lends what it left unspent.
    /// </summary>
    public IEnumerable<(string Lane, long LendsFromMs)> Lenders(DMarketRateLimitGroup group, string lane, long nowMs) =>
        lane != DMarketRateLane.Default ? [] : Lanes.Where(l => l.Value.Group == group && l.Value.LendAfter is not null)
            .Select(l => (l.Key, SecondLedger.StartOfSecond(nowMs) + (long)l.Value.LendAfter!.Value.TotalMilliseconds));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, lane) in Lanes)
        {
            if (lane.Share is < 0.01 or > 0.99)
            {
                yield return new ValidationResult($"DMarket:RateLimits:Lanes:{name}:Share must be between 0.01 and 0.99, not {lane.Share}.", [nameof(Lanes)]);
            }

            if (lane.LendAfter is { } after && (after < TimeSpan.Zero || after >= TimeSpan.FromSeconds(1)))
            {
                yield return new ValidationResult($"DMarket:RateLimits:Lanes:{name}:LendAfter is a point within a second (0 to 0.999 s), not {after}.", [nameof(Lanes)]);
            }

            if (string.Equals(name, DMarketRateLane.Default, StringComparison.OrdinalIgnoreCase))
            {
                yield return new ValidationResult($"'{DMarketRateLane.Default}' names what the lanes leave; give the lane another name.", [nameof(Lanes)]);
            }
        }

        foreach (var group in Enum.GetValues<DMarketRateLimitGroup>())
        {
            if (LaneQuota(group, DMarketRateLane.Default) < 1)
            {
                yield return new ValidationResult($"The lanes of {group} leave nothing of its {PerSecond(group)}/s to other requests; lower their shares.", [nameof(Lanes)]);
            }
        }

        foreach (var rule in Groups.Where(r => !r.Path.StartsWith('/')))
        {
            yield return new ValidationResult($"DMarket:RateLimits:Groups: '{rule.Path}' is not a path (it starts with '/').", [nameof(Groups)]);
        }
    }

    private static int Reserved(DMarketLaneOptions lane, int limit) => Math.Max(1, (int)Math.Floor(lane.Share * limit));
}
