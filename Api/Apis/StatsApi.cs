using System.Text.Json;
using DMarketAspire.Api.Caching;
using DMarketAspire.Api.Model;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

public static class StatsApi
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Stats").RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapGet("/stats", GetStats).WithName("GetStats")
            .WithSummary("The last 24 hours per game and level: offers priced, opportunities found, active now, scans.")
            .Produces<Stats>();
        return api;
    }

    public static async Task<CachedJson> GetStats(IServiceScopeFactory scopes, ReadCache cache, TimeProvider time, CancellationToken cancellationToken) =>
        new(await cache.GetOrCreateAsync("stats", async ct =>
        {
            // The refresh may outlive this request (others wait on it), so it has a context of its own.
            await using var scope = scopes.CreateAsyncScope();
            return JsonSerializer.SerializeToUtf8Bytes(await ComputeAsync(scope.ServiceProvider.GetRequiredService<DMarketDbContext>(), time.GetUtcNow() - Window, ct), Json);
        }, cancellationToken));

    private static async Task<Stats> ComputeAsync(DMarketDbContext db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var scans = await db.Scans.AsNoTracking().Where(s => s.StartedAt >= since && s.Status == "Completed")
            .GroupBy(s => new { s.GameId, s.Level })
            .Select(g => new { g.Key.GameId, g.Key.Level, Priced = g.Sum(s => (long)s.OffersPriced), Found = g.Sum(s => (long)s.OpportunitiesFound), Scans = g.LongCount() })
            .ToListAsync(cancellationToken);
        var active = await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Active)
            .GroupBy(o => new { o.GameId, o.Level })
            .Select(g => new { g.Key.GameId, g.Key.Level, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var units = scans.Select(s => (s.GameId, s.Level)).Union(active.Select(a => (a.GameId, a.Level))).OrderBy(u => u.GameId).ThenBy(u => u.Level)
            .Select(u =>
            {
                var scan = scans.FirstOrDefault(s => s.GameId == u.GameId && s.Level == u.Level);
                var activeCount = active.FirstOrDefault(a => a.GameId == u.GameId && a.Level == u.Level)?.Count ?? 0;
                return new Stats.UnitFigures(u.GameId, u.Level, scan?.Priced ?? 0, scan?.Found ?? 0, activeCount, scan?.Scans ?? 0);
            }).ToList();
        var total = new Stats.Figures(units.Sum(u => u.OffersPriced), units.Sum(u => u.OpportunitiesFound), units.Sum(u => u.OpportunitiesActive), units.Sum(u => u.Scans));
        return new Stats(since, total, units);
    }
}
