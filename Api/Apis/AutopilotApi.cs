using DMarketAspire.Api.Autopilots;
using DMarketAspire.Api.Me;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Trading.Accounts;
using DMarketAspire.Trading.Autopilots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

/// <summary>The caller's autopilot: settings, on/off, paper or live, the decision log and paper mode's positions.</summary>
public static class AutopilotApi
{
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAutopilotApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/autopilot").WithTags("Autopilot").AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapGet(string.Empty, GetAutopilot).WithName("GetMyAutopilot")
            .WithSummary("The caller's autopilot: settings, whether it runs and in which mode, today's spend, open positions and realized P&L against its limits, paper P&L, and today's decisions by reason.");
        api.MapMethods(string.Empty, [HttpMethods.Patch], ChangeAutopilot).WithName("UpdateMyAutopilot")
            .WithSummary("Changes the autopilot's rules and limits; absent fields stay. Money in cents, shares in percent.");
        api.MapPost("/switch", Switch).WithName("SwitchMyAutopilot").WithSummary("Switches the autopilot on (clearing a pause) or off.");
        api.MapPost("/mode", SetMode).WithName("SetMyAutopilotMode")
            .WithSummary("Paper (no money moves) or live; live needs \"confirm\": true and the caller's DMarket keys connected.");
        api.MapPost("/panic", Panic).WithName("PanicMyAutopilot")
            .WithSummary("Stops the autopilot, cancels the buy orders this app placed (only those), then as asked takes this app's listings down or offers what the autopilot bought at the best buy order; reports what it did.");
        api.MapGet("/decisions", GetDecisions).WithName("GetMyAutopilotDecisions")
            .WithSummary("The autopilot's decisions, newest first, each with its outcome and reason (bought; skipped: a limit, price sanity; failed: why).");
        api.MapGet("/paper", GetPaperPositions).WithName("GetMyPaperPositions").WithSummary("Paper mode's positions, newest first: cost, ask, and the sale the market showed.");
        return api;
    }

    public static async Task<Results<Ok<MeAutopilot>, NotFound>> GetAutopilot(HttpContext context, DMarketDbContext db, AutopilotStore store, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        if (await TimeZoneOfAsync(db, userId, cancellationToken) is not { } zone)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(MeAutopilot.From(await store.StatusAsync(userId, zone, cancellationToken)));
    }

    public static async Task<Results<Ok<MeAutopilot>, ValidationProblem, NotFound>> ChangeAutopilot(
        AutopilotChange body, HttpContext context, DMarketDbContext db, AutopilotStore store, IOptions<PricingOptions> pricing, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var errors = AutopilotSettingsRules.Validate(body, [.. pricing.Value.EffectiveLevels.Select(l => l.Name)]);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some autopilot settings are not valid.");
        }

        if (await TimeZoneOfAsync(db, userId, cancellationToken) is not { } zone)
        {
            return TypedResults.NotFound();
        }

        await store.ChangeAsync(userId, body, cancellationToken);
        return TypedResults.Ok(MeAutopilot.From(await store.StatusAsync(userId, zone, cancellationToken)));
    }

    public static async Task<Results<Ok<MeAutopilot>, ValidationProblem, NotFound>> Switch(
        NewAutopilotSwitch body, HttpContext context, DMarketDbContext db, AutopilotStore store, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        if (body.Enabled is not { } on)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["true to switch the autopilot on, false to switch it off."] }, title: "Say on or off.");
        }

        if (await TimeZoneOfAsync(db, userId, cancellationToken) is not { } zone)
        {
            return TypedResults.NotFound();
        }

        await store.SwitchAsync(userId, on, cancellationToken);
        return TypedResults.Ok(MeAutopilot.From(await store.StatusAsync(userId, zone, cancellationToken)));
    }

    public static async Task<Results<Ok<MeAutopilot>, ValidationProblem, NotFound>> SetMode(
        NewAutopilotMode body, HttpContext context, DMarketDbContext db, AutopilotStore store, AccountStore accounts, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        AutopilotMode? mode = body.Mode?.Trim().ToLowerInvariant() switch
        {
            "paper" => AutopilotMode.Paper,
            "live" => AutopilotMode.Live,
            _ => null,
        };
        Dictionary<string, string[]> errors = [];
        if (mode is null)
        {
            errors["mode"] = ["'paper' (no money moves) or 'live'."];
        }
        else if (mode == AutopilotMode.Live && !body.Confirm)
        {
            errors["confirm"] = ["Live mode spends the caller's money within the limits set: send \"confirm\": true to switch to it."];
        }
        else if (mode == AutopilotMode.Live && await accounts.FindAsync(userId, cancellationToken) is null)
        {
            errors["mode"] = ["Live mode buys with the caller's DMarket keys: connect them in the bot first (/connect)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The mode was not changed.");
        }

        if (await TimeZoneOfAsync(db, userId, cancellationToken) is not { } zone)
        {
            return TypedResults.NotFound();
        }

        await store.SetModeAsync(userId, mode!.Value, cancellationToken);
        return TypedResults.Ok(MeAutopilot.From(await store.StatusAsync(userId, zone, cancellationToken)));
    }

    public static async Task<Results<Ok<PanicReport>, ValidationProblem>> Panic(
        NewPanic body, HttpContext context, AccountStore accounts, DMarketClient dmarket, PanicDesk desk, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        PanicChoice? choice = (body.Then ?? "stop").Trim().ToLowerInvariant() switch
        {
            "stop" => PanicChoice.Stop,
            "delist" => PanicChoice.Delist,
            "sell" => PanicChoice.SellAtBestBid,
            _ => null,
        };
        if (choice is null)
        {
            // A panic must not wait on a typo: stop first, then say what was not understood.
            await desk.PanicAsync(userId, PanicChoice.Stop, null, cancellationToken);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["then"] = ["'stop', 'delist' or 'sell'. The autopilot was stopped; send again to do the rest."] },
                title: "The autopilot was stopped; the rest was not understood.");
        }

        var keys = await accounts.KeysAsync(userId, cancellationToken);
        return TypedResults.Ok(await desk.PanicAsync(userId, choice.Value, keys is null ? null : dmarket.ForAccount(keys), cancellationToken));
    }

    public static async Task<Ok<List<MeAutopilotDecision>>> GetDecisions(HttpContext context, DMarketDbContext db, int? limit, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var take = Math.Clamp(limit ?? MaxPageSize / 2, 1, MaxPageSize);
        var decisions = await db.AutopilotDecisions.AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(decisions.Select(MeAutopilotDecision.From).ToList());
    }

    public static async Task<Ok<List<PaperPosition>>> GetPaperPositions(HttpContext context, DMarketDbContext db, int? limit, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var take = Math.Clamp(limit ?? MaxPageSize / 2, 1, MaxPageSize);
        return TypedResults.Ok(await db.PaperPositions.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.Id).Take(take).ToListAsync(cancellationToken));
    }

    private static Task<string?> TimeZoneOfAsync(DMarketDbContext db, long userId, CancellationToken cancellationToken) =>
        db.BotUsers.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken);
}
