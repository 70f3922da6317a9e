namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// "Paths starting with <see cref="Path"/> count toward <see cref="Group"/>" (configurable under
/// <c>DMarket:RateLimits:Groups</c>; a path prefix matches whole segments, case-insensitively).
/// </summary>
public sealed class DMarketRateGroupRule
{
    public DMarketRateGroupRule()
    {
    }

    public DMarketRateGroupRule(string path, DMarketRateLimitGroup group)
    {
        Path = path;
        Group = group;
    }

    public string Path { get; set; } = string.Empty;

    public DMarketRateLimitGroup Group { get; set; }

    public bool Matches(string path) =>
        path.StartsWith(Path, StringComparison.OrdinalIgnoreCase) && (path.Length == Path.Length || path[Path.Length] == '/' || Path.EndsWith('/'));
}
