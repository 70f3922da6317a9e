using DMarketAspire.Coordination;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Infrastructure;
using DMarketAspire.Scanner.Scanning;

namespace DMarketAspire.Scanner.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScannerOptions>().BindConfiguration(ScannerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddNpgsqlDbContext<DMarketDbContext>(DMarketDbContext.ConnectionName, configureDbContextOptions: options => options.QuietRetriedConflicts());
        builder.AddRedisClient("cache");

        // Registered before the client so it replaces the in-process limiter: every replica spends one budget.
        if (builder.Configuration.GetValue($"{ScannerOptions.SectionName}:{nameof(ScannerOptions.ShareRateLimitThroughRedis)}", true))
        {
            builder.Services.AddSingleton<IDMarketRateLimiter, RedisDMarketRateLimiter>();
        }

        builder.AddDMarketClient();
        builder.Services.AddOptions<DMarketRateLimitOptions>().Configure<IOptions<ScannerOptions>>((limits, scanner) =>
        {
            if (scanner.Value.FreshListings)
            {
                limits.Lanes.TryAdd(scanner.Value.FreshLane, new DMarketLaneOptions { Group = DMarketRateLimitGroup.MarketItems, Share = scanner.Value.FreshShare });
            }

            if (scanner.Value.ReservesFreshSales)
            {
                limits.Lanes.TryAdd(scanner.Value.FreshSalesLane, new DMarketLaneOptions
                {
                    Group = DMarketRateLimitGroup.LastSales,
                    Share = scanner.Value.FreshSalesShare,
                    LendAfter = LendAfter(scanner.Value.FreshSalesLendAfter),
                });
            }

            if (scanner.Value.ListingWatchInterval > TimeSpan.Zero)
            {
                limits.Lanes.TryAdd(scanner.Value.ListingWatchLane, new DMarketLaneOptions { Group = DMarketRateLimitGroup.MarketItems, Share = scanner.Value.ListingWatchShare });
            }

            // Last: whether the pages keep a lane depends on what the others left.
            if (scanner.Value.ReservesPagesLane && limits.Lanes.TryAdd(scanner.Value.FreshPagesLane, new DMarketLaneOptions
                {
                    Group = DMarketRateLimitGroup.MarketItems,
                    Share = scanner.Value.FreshPagesShare,
                    LendAfter = LendAfter(scanner.Value.FreshPagesLendAfter),
                })
                && limits.LaneQuota(DMarketRateLimitGroup.MarketItems, DMarketRateLane.Default) < 1)
            {
                // A budget too small for a lane of their own (each lane keeps at least one request a second): the pages
                // queue with the sweeps, as before they had one, rather than the Scanner refusing to start.
                limits.Lanes.Remove(scanner.Value.FreshPagesLane);
            }
        });

        builder.Services.AddSingleton<ScannerMetrics>();
        builder.Services.AddSingleton(services =>
        {
            var scanner = services.GetRequiredService<IOptions<ScannerOptions>>().Value;
            return new RedisLeases(services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), scanner.RedisKeyPrefix, scanner.ReplicaId);
        });
        builder.Services.AddSingleton<OpportunityEngine>();
        builder.Services.AddScoped<FeeProvider>();
        builder.Services.AddScoped<SalesProvider>();
        builder.Services.AddScoped<MarketDataStore>();
        builder.Services.AddScoped<OpportunityStore>();
        builder.Services.AddScoped<MarketScanner>();
        builder.Services.AddScoped<ListingPricer>();
        builder.Services.AddScoped<FreshListingsScanner>();
        builder.Services.AddScoped<ListingWatch>();
        builder.Services.AddSingleton<MarketMemory>();
        builder.Services.AddSingleton<FreshWatermarks>();
        builder.Services.AddSingleton<ListingCounts>();
        builder.Services.AddSingleton<ListingCountsStore>();
        builder.Services.AddSingleton<TitleLookupQueue>();
        builder.Services.AddScoped<TitleLookup>();
        builder.Services.AddScoped<SalesWait>();
        builder.Services.AddSingleton<PendingListings>();
        builder.Services.AddSingleton<PendingListingsStore>();
        builder.Services.AddSingleton<OpportunityAnnouncer>();
        builder.Services.AddSingleton<SalesRefreshQueue>();
        builder.Services.AddSingleton<SchemaGate>();
        builder.Services.AddHostedService<ScanWorker>();
        builder.Services.AddHostedService<SalesRefreshWorker>();
        builder.Services.AddHostedService<FreshListingsWorker>();
        builder.Services.AddHostedService<ListingWatchWorker>();
        builder.Services.AddHostedService<TitleLookupWorker>();
    }

    /// <summary>A point within the second to lend from; a second or more: the lane never lends.</summary>
    private static TimeSpan? LendAfter(TimeSpan after) => after < TimeSpan.FromSeconds(1) ? after : null;
}
