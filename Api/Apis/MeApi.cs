using DMarketAspire.Api.Me;
using DMarketAspire.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

/// <summary>The caller's own data, behind the Api key the bot issues (<c>X-Api-Key</c>), rate-limited per key.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Me").AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapGet("/settings", GetSettings).WithName("GetMySettings").WithSummary("The caller's bot settings: games, levels, profit, notifications, quiet hours.");
        api.MapGet("/targets", GetTargets).WithName("GetMyTargets").WithSummary("The buy orders the bot placed for the caller, newest first.");
        return api;
    }

    public static async Task<Results<Ok<MeSettings>, NotFound>> GetSettings(HttpContext context, DMarketDbContext db, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var u = await db.BotUsers.AsNoTracking().SingleOrDefaultAsync(b => b.Id == userId, cancellationToken);
        return u is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new MeSettings(u.Id, u.Language, u.Games, u.Levels, u.MinProfitPercent, u.MinProfitCents, u.MaxPriceCents, u.MinLiquidity, u.Mode.ToString(),
                u.DigestIntervalMinutes, u.QuietFromHour, u.QuietToHour, u.TimeZone, u.DailyCap, u.Paused));
    }

    public static async Task<Ok<List<MeTarget>>> GetTargets(HttpContext context, DMarketDbContext db, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var targets = await db.BotTargets.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new MeTarget(t.TargetId, t.GameId, t.Title, t.PriceCents, t.Amount, t.Filled, t.Status.ToString(), t.CreatedAt, t.FilledAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(targets);
    }
}
