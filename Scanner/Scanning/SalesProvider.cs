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
    /// Fetches the titles' sales and caches them. A title another replica is fetching right now (its claim in Redis)
    /// is skipped; a title that fails is skipped too, and asked for again by a later scan.
    /// </summary>
    public async Task<Dictionary<string, IReadOnlyList<Sale>>> FetchAsync(string gameId, IEnumerable<string> titles, CancellationToken cancellationToken)
    {
        Dictionary<string, IReadOnlyList<Sale>> fetched = [];
        var db = redis.GetDatabase();
        await Parallel.ForEachAsync(titles, new ParallelOptions { MaxDegreeOfParallelism = options.Value.SalesFetchConcurrency, CancellationToken = cancellationToken }, async (title, ct) =>
        {
            if (!await db.StringSetAsync($"{Key(gameId, title)}:claim", 1, ClaimDuration, When.NotExists))
            {
                return;
            }

            try
            {
                var sales = await dmarket.GetLastSalesAsync(gameId, title, SalesPerTitle, cancellationToken: ct);
                await db.StringSetAsync(Key(gameId, title), JsonSerializer.Serialize(sales), options.Value.SalesCacheTtl);
                lock (fetched)
                {
                    fetched[title] = sales;
                }
            }
            catch (Exception exception) when (exception is DMarketApiException or DMarketProtocolException or HttpRequestException)
            {
                LogSalesUnavailable(logger, title, exception);
            }
        });
        return fetched;
    }

    private string Key(string gameId, string title) => $"{options.Value.RedisKeyPrefix}sales:{gameId}:{title}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sales of {Title} unavailable for now.")]
    private static partial void LogSalesUnavailable(ILogger logger, string title, Exception exception);
}
