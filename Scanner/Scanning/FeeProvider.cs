using System.Text.Json;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;
using StackExchange.Redis;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>A game's fee schedule: from Redis while fresh, else from DMarket (then cached); DMarket's default fee if both fail.</summary>
public sealed partial class FeeProvider(DMarketClient dmarket, IConnectionMultiplexer redis, IOptions<ScannerOptions> options, IOptions<PricingOptions> pricing, ILogger<FeeProvider> logger)
{
    public async Task<(FeeSchedule Schedule, FeeTable? FetchedTable)> GetAsync(string gameId, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = $"{options.Value.RedisKeyPrefix}fees:{gameId}";
        var cached = await db.StringGetAsync(key);
        if (cached.HasValue && JsonSerializer.Deserialize<FeeTable>((string)cached!) is { } table)
        {
            return (new FeeSchedule(table, pricing.Value.FallbackFeeFraction), null);
        }

        try
        {
            var fetched = await dmarket.GetCustomizedFeesAsync(gameId, cancellationToken: cancellationToken);
            await db.StringSetAsync(key, JsonSerializer.Serialize(fetched), options.Value.FeesCacheTtl);
            return (new FeeSchedule(fetched, pricing.Value.FallbackFeeFraction), fetched);
        }
        catch (Exception exception) when (exception is DMarketApiException or DMarketProtocolException or HttpRequestException)
        {
            LogFeesUnavailable(logger, gameId, exception);
            return (FeeSchedule.Fallback(pricing.Value.FallbackFeeFraction), null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fee table of {GameId} unavailable; pricing with the default fee.")]
    private static partial void LogFeesUnavailable(ILogger logger, string gameId, Exception exception);
}
