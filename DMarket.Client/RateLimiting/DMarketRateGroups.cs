using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// The group each path is paced in: configured rules, then DMarket's table, then what DMarket's own headers taught.
/// When a response advertises a smaller limit than the group the path was filed under (<c>RateLimit-Limit: 10</c> for
/// a path paced at 20/s), DMarket counts it in a smaller group, and the path moves to the group of that limit.
/// </summary>
public sealed partial class DMarketRateGroups(IOptions<DMarketRateLimitOptions> options, ILogger<DMarketRateGroups> logger)
{
    // Paths with titles in them (targets-by-title) could otherwise grow the table without end.
    private const int MaxLearnedPaths = 256;

    private readonly ConcurrentDictionary<string, DMarketRateLimitGroup> _learned = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _unplaced = new(StringComparer.OrdinalIgnoreCase);

    public DMarketRateLimitGroup Classify(string path) =>
        _learned.TryGetValue(path, out var learned) ? learned
        : DMarketRateLimits.Classify(path, options.Value.Groups) ?? DMarketRateLimits.Classify(path);

    /// <summary>Reads the limit DMarket advertised for <paramref name="path"/>, paced as <paramref name="assumed"/>.</summary>
    public void Observe(string path, DMarketRateLimitGroup assumed, int advertisedPerSecond)
    {
        var limits = options.Value;
        if (advertisedPerSecond <= 0 || advertisedPerSecond >= limits.PerSecond(assumed))
        {
            return;
        }

        var matching = Enum.GetValues<DMarketRateLimitGroup>().Where(g => limits.PerSecond(g) == advertisedPerSecond).ToList();
        if (matching.Count == 1 && _learned.Count < MaxLearnedPaths)
        {
            if (_learned.TryAdd(path, matching[0]))
            {
                LogMoved(logger, path, advertisedPerSecond, assumed, limits.PerSecond(assumed), matching[0]);
            }
        }
        else if (_unplaced.TryAdd(path, 0))
        {
            LogUnplaced(logger, path, advertisedPerSecond, assumed, limits.PerSecond(assumed));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DMarket limits {Path} to {Advertised}/s, but it was paced in {Assumed} ({AssumedLimit}/s); pacing it in {Group} from now on. Add it to DMarket:RateLimits:Groups to start there.")]
    private static partial void LogMoved(ILogger logger, string path, int advertised, DMarketRateLimitGroup assumed, int assumedLimit, DMarketRateLimitGroup group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DMarket limits {Path} to {Advertised}/s, but it is paced in {Assumed} ({AssumedLimit}/s) and no group has that limit; set DMarket:RateLimits so one does.")]
    private static partial void LogUnplaced(ILogger logger, string path, int advertised, DMarketRateLimitGroup assumed, int assumedLimit);
}
