using DMarketAspire.Data.Alerts;
using DMarketAspire.Api.Me;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using DMarketAspire.Api.Queries;
using DMarketAspire.Trading.Filters;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

/// <summary>The caller's own data, behind the Api key the bot issues (<c>X-Api-Key</c>), rate-limited per key.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Me").AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapGet("/settings", GetSettings).WithName("GetMySettings").WithSummary("The caller's bot settings: games, levels, profit, notifications, quiet hours.");
        api.MapMethods("/settings/items", [HttpMethods.Patch], PatchItemFilter).WithName("UpdateMyItemFilter")
            .WithSummary("Changes the caller's item-attribute filter, key by key in the bot's /settings syntax ({\"exterior\": \"fn, mw\", \"float\": \"0-0.07\", \"hero\": \"off\"}); applies to the bot's notifications, /scan and /top.");
        api.MapGet("/alerts", GetAlerts).WithName("GetMyAlerts").WithSummary("The caller's price alerts, oldest first.");
        api.MapPost("/alerts", CreateAlert).WithName("CreateMyAlert")
            .WithSummary("Sets a price alert on a title's best offer; the bot tells the caller once each time the price crosses it. The same alert again returns the existing one.");
        api.MapDelete("/alerts/{id:long}", DeleteAlert).WithName("DeleteMyAlert").WithSummary("Deletes one of the caller's price alerts.");
        api.MapGet("/targets", GetTargets).WithName("GetMyTargets").WithSummary("The buy orders the bot placed for the caller, newest first.");
        return api;
    }

    public static async Task<Results<Ok<MeSettings>, NotFound>> GetSettings(HttpContext context, DMarketDbContext db, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var u = await db.BotUsers.AsNoTracking().SingleOrDefaultAsync(b => b.Id == userId, cancellationToken);
        return u is null ? TypedResults.NotFound() : TypedResults.Ok(Settings(u));
    }

    public static async Task<Results<Ok<MeSettings>, NotFound, ValidationProblem>> PatchItemFilter(
        Dictionary<string, string?> body, HttpContext context, DMarketDbContext db, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var u = await db.BotUsers.SingleOrDefaultAsync(b => b.Id == userId, cancellationToken);
        if (u is null)
        {
            return TypedResults.NotFound();
        }

        Dictionary<string, string[]> errors = [];
        foreach (var key in body.Keys.Where(k => !ItemFilterInput.IsKey(k)))
        {
            errors[key] = [$"'{key}' is not an item filter; one of: {string.Join(", ", ItemFilterInput.Keys.Select(ItemFilterQuery.Name))}."];
        }

        var filter = ItemFilterQuery.Parse(body.Select(p => (p.Key.ToLowerInvariant(), (string?)(p.Value ?? "off"))).Where(p => ItemFilterInput.IsKey(p.Item1)), errors, u.ItemFilter);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some item filters are not valid.");
        }

        u.ItemFilter = filter;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Settings(u));
    }

    private static MeSettings Settings(BotUser u) =>
        new(u.Id, u.Language, u.Games, u.Levels, u.MinProfitPercent, u.MinProfitCents, u.MaxPriceCents, u.MinLiquidity, u.Mode.ToString(),
            u.DigestIntervalMinutes, u.QuietFromHour, u.QuietToHour, u.TimeZone, u.DailyCap, u.Paused, u.SkipWords, u.OnlyWords,
            ItemFilterInput.Describe(u.ItemFilter).ToDictionary(p => p.Key, p => p.Value));

    public static async Task<Ok<List<MeAlert>>> GetAlerts(HttpContext context, PriceAlertBook alerts, CancellationToken cancellationToken) =>
        TypedResults.Ok((await alerts.ListAsync(ApiKeyFilter.UserOf(context), cancellationToken)).Select(View).ToList());

    public static async Task<Results<Created<MeAlert>, Ok<MeAlert>, ValidationProblem, ProblemHttpResult>> CreateAlert(
        NewAlert body, HttpContext context, PriceAlertBook alerts, DMarketDbContext db, CancellationToken cancellationToken)
    {
        Dictionary<string, string[]> errors = [];
        if (string.IsNullOrWhiteSpace(body.GameId) || !DMarketGames.All.Contains(body.GameId))
        {
            errors["gameId"] = [$"'{body.GameId}' is not a game; one of: {string.Join(", ", DMarketGames.All)}."];
        }

        PriceAlertDirection? direction = body.Direction?.ToLowerInvariant() switch { "below" => PriceAlertDirection.Below, "above" => PriceAlertDirection.Above, _ => null };
        if (direction is null)
        {
            errors["direction"] = [$"'{body.Direction}' is not a direction; 'below' or 'above'."];
        }

        if (body.ThresholdCents is not > 0)
        {
            errors["thresholdCents"] = ["The threshold must be a whole number of cents over 0."];
        }

        var item = errors.ContainsKey("gameId") || string.IsNullOrWhiteSpace(body.Title) ? null
            : await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.GameId == body.GameId && i.Title == body.Title, cancellationToken);
        if (item is null && !errors.ContainsKey("gameId"))
        {
            errors["title"] = [$"No item called '{body.Title}' is known in {body.GameId} (the title exactly as DMarket shows it; GET /api/items?q= finds it)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The alert is not valid.");
        }

        var created = await alerts.CreateAsync(ApiKeyFilter.UserOf(context), item!, direction!.Value, body.ThresholdCents!.Value, cancellationToken);
        return created.Outcome switch
        {
            PriceAlertOutcome.Created => TypedResults.Created($"/api/me/alerts/{created.Alert!.Id}", View(created.Alert)),
            PriceAlertOutcome.Duplicate => TypedResults.Ok(View(created.Alert!)),
            _ => TypedResults.Problem("You have as many alerts as one user may keep; delete one first.", statusCode: StatusCodes.Status409Conflict, title: "Too many alerts."),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAlert(long id, HttpContext context, PriceAlertBook alerts, CancellationToken cancellationToken) =>
        await alerts.DeleteAsync(ApiKeyFilter.UserOf(context), id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"You have no alert {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such alert.");

    public static async Task<Ok<List<MeTarget>>> GetTargets(HttpContext context, DMarketDbContext db, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var targets = await db.BotTargets.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new MeTarget(t.TargetId, t.GameId, t.Title, t.PriceCents, t.Amount, t.Filled, t.Status.ToString(), t.CreatedAt, t.FilledAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(targets);
    }

    private static MeAlert View(PriceAlert a) =>
        new(a.Id, a.GameId, a.Title, a.Direction.ToString().ToLowerInvariant(), a.ThresholdCents, a.Armed, a.Crossings, a.LastPriceCents, a.CreatedAt, a.LastFiredAt);
}
