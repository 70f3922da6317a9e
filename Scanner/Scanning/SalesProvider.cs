using System.Text.Json;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using StackExchange.Redis;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Recent sales per title, cached in Redis with a TTL because last-sales is DMarket's scarcest budget (6/s):
/// scans read what is cached; <see cref="SalesRefreshWorker"/> fetches what they ask for.
/// </summary>
public sealed partial class SalesProvider(DMarketClient dmarket, IConnectionMultiplexer redis, IOptions<ScannerOptions> options, ILogger<SalesProvider> logger)
{
    private const int SalesPerTitle = 20;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(30);

    public async Task<Dictionary<string, IReadOnlyList<Sale>>> GetCachedAsync(string gameId, IReadOnlyList<string> titles)
    {
        var values = await redis.GetDatabase().StringGetAsync(titles.Select(t => (RedisKey)Key(gameId, t)).ToArray());
        Dictionary<string, IReadOnlyList<Sale>> found = [];
        for (var i = 0; i < titles.Count; i++)
        {
            if (values[i].HasValue && JsonSerializer.Deserialize<List<Sale>>((string)values[i]!) is { } sales)
            {
                found[titles[i]] = sales;
            }
        }

        return found;
    }

    /// <summary>
    /// Fetches the title's sales and caches them. When another replica claimed the fetch (its claim in Redis outlives the
    /// fetch), what it cached; null when it has not cached them yet or when the fetch fails: the caller asks again later.
    /// </summary>
    public async Task<IReadOnlyList<Sale>?> FetchAsync(string gameId, string title, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var claim = (RedisKey)$"{Key(gameId, title)}:claim";
        if (!await db.StringSetAsync(claim, 1, ClaimDuration, When.NotExists))
        {
            return (await GetCachedAsync(gameId, [title])).GetValueOrDefault(title);
        }

        var cached = false;
        try
        {
            var sales = await dmarket.GetLastSalesAsync(gameId, title, SalesPerTitle, cancellationToken: cancellationToken);
            await db.StringSetAsync(Key(gameId, title), JsonSerializer.Serialize(sales), options.Value.SalesCacheTtl);
            cached = true;
            return sales;
        }
        catch (Exception exception) when (exception is DMarketApiException or DMarketProtocolException or HttpRequestException)
        {
            LogSalesUnavailable(logger, title, exception);
            return null;
        }
        finally
        {
            // A fetch that failed or was cut short claims nothing: whoever asks next (a retry, the next leader) fetches.
            if (!cached)
            {
                db.KeyDelete(claim, CommandFlags.FireAndForget);
            }
        }
    }

    private string Key(string gameId, string title) => $"{options.Value.RedisKeyPrefix}sales:{gameId}:{title}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sales of {Title} unavailable for now.")]
    private static partial void LogSalesUnavailable(ILogger logger, string title, Exception exception);
}
