using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Spends the last-sales budget (6/s) all the time, on the titles the scans most want priced, and prices the listings
/// that were waiting on those sales (<see cref="PendingListings"/>) as soon as they come.
/// </summary>
public sealed partial class SalesRefreshWorker(SalesRefreshQueue queue, PendingListings pending, MarketMemory memory, IServiceScopeFactory scopes,
    SchemaGate schema, IOptions<ScannerOptions> options, ILogger<SalesRefreshWorker> logger) : BackgroundService
{
    public const string Source = "sales";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schema.WaitAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.TakeAsync(options.Value.SalesFetchConcurrency, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var sales = scope.ServiceProvider.GetRequiredService<SalesProvider>();
                var store = scope.ServiceProvider.GetRequiredService<MarketDataStore>();
                var pricer = scope.ServiceProvider.GetRequiredService<ListingPricer>();
                List<(long, Sale)> fetched = [];
                foreach (var game in batch.GroupBy(b => b.Game))
                {
                    var items = game.ToDictionary(b => b.Title, b => b.ItemId);
                    var result = await sales.FetchAsync(game.Key, items.Keys, stoppingToken);
                    fetched.AddRange(result.SelectMany(r => r.Value.Select(s => (items[r.Key], s))));
                    var waiting = pending.Take(game.Key, result.Keys);
                    await pricer.PriceAsync(game.Key, waiting, result, t => memory.Recall(game.Key, t)?.Book ?? default, Source, stoppingToken);
                }

                await store.SaveSalesAsync(fetched, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRefreshFailed(logger, exception);
                await Task.Delay(options.Value.IdleDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing sales failed; the titles will be asked for again by the next scans.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
