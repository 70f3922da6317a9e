using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.DMarket.Client.RateLimiting;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Spends the last-sales budget (6/s) all the time, on the titles the scans most want priced, and prices the listings
/// that were waiting on those sales (<see cref="PendingListings"/>) as soon as they come.
/// </summary>
public sealed partial class SalesRefreshWorker(SalesRefreshQueue queue, PendingListings pending, PendingListingsStore saved, IServiceScopeFactory scopes,
    IDMarketRateLimiter limiter, SchemaGate schema, IOptions<ScannerOptions> options, ILogger<SalesRefreshWorker> logger) : BackgroundService
{
    public const string Source = "sales";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schema.WaitAsync(stoppingToken);
        var settings = options.Value;

        // Each fetcher takes one title at a time, so a listing that jumps the queue waits for the first fetcher to free up,
        // not for a batch of fetches and their bookkeeping to end.
        var fetchers = Enumerable.Range(0, settings.SalesFetchConcurrency).Select(_ => FetchAsync(queue.TakeAsync, DMarketRateLane.Default, stoppingToken));

        // Those fetchers are always busy: every second the sweeps' titles take the whole budget, so a listing that jumps
        // the queue waited for one of them to free up, then for the next second's budget. It gets a fetcher and a share
        // of its own.
        if (settings.ReservesFreshSales)
        {
            fetchers = fetchers.Append(FetchAsync(ct => queue.TakeUrgentAsync(settings.FreshPriorityBoost, ct), settings.FreshSalesLane, stoppingToken));
        }

        await Task.WhenAll(fetchers);
    }

    private async Task FetchAsync(Func<CancellationToken, Task<HeldTitle>> take, string lane, CancellationToken stoppingToken)
    {
        using var spending = DMarketRateLane.Use(lane);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Granted its request, the fetcher sends the most promising title of that moment, not the one it waited with.
                var held = await take(stoppingToken);
                using var permit = await GrantAsync(held, lane, stoppingToken);
                var (game, title, itemId, promise) = queue.Exchange(held);
                using var spent = DMarketHeldPermit.Hold(DMarketRateLimitGroup.LastSales, permit);
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<SalesProvider>().FetchAsync(game, title, stoppingToken) is not { } sales)
                {
                    // Listings waiting on them are met by no later look (they are seen): only asking again prices them.
                    if (pending.IsWaiting(game, title))
                    {
                        queue.WantLater(game, title, itemId, promise, options.Value.SalesRetryDelay);
                    }

                    continue;
                }

                var known = new Dictionary<string, IReadOnlyList<Sale>> { [title] = sales };
                var waiting = pending.Take(game, [title]);
                await scope.ServiceProvider.GetRequiredService<ListingPricer>().PriceAsync(game, waiting, known, Source, stoppingToken);
                await saved.RemoveAsync(game, waiting.Select(l => l.OfferId));
                await scope.ServiceProvider.GetRequiredService<MarketDataStore>().SaveSalesAsync([.. sales.Select(s => (itemId, s))], stoppingToken);
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

    private async Task<DMarketPermit> GrantAsync(HeldTitle held, string lane, CancellationToken stoppingToken)
    {
        try
        {
            return await limiter.AcquireAsync(DMarketRateLimitGroup.LastSales, lane, stoppingToken);
        }
        catch
        {
            queue.Return(held);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing sales failed; the titles will be asked for again by the next scans.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
