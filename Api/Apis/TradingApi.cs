using DMarketAspire.Api.Me;
using DMarketAspire.Api.Trading;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Accounts;
using DMarketAspire.Trading.Buying;
using DMarketAspire.Trading.Selling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

/// <summary>The caller's trading: buys (sent once, reconciled when an answer is lost), positions, trades and P&amp;L.</summary>
public static class TradingApi
{
    private const int MaxPageSize = 100;
    private const int MaxRequestKeyLength = 128;
    private const string Channel = "api";

    public static RouteGroupBuilder MapTradingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Trading").AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapPost("/buys", CreateBuy).WithName("CreateMyBuy")
            .WithSummary("Buys a listing now at its exact price with the caller's DMarket keys; the same requestKey again returns the first buy and sends nothing.");
        api.MapGet("/buys", GetBuys).WithName("GetMyBuys").WithSummary("The caller's buys, newest first.");
        api.MapGet("/positions", GetPositions).WithName("GetMyPositions").WithSummary("What the caller holds on DMarket as last synced, with cost basis and listing.");
        api.MapGet("/trades", GetTrades).WithName("GetMyTrades").WithSummary("The caller's sales, newest first: price, fee charged, cost, profit.");
        api.MapGet("/pnl", GetPnl).WithName("GetMyPnl").WithSummary("Realized profit and loss per period and game, best and worst trade, and the running total for a chart.");
        return api;
    }

    public static async Task<Results<Created<MeBuy>, Ok<MeBuy>, ValidationProblem, ProblemHttpResult>> CreateBuy(
        NewBuy body, HttpContext context, DMarketDbContext db, AccountStore accounts, DMarketClient dmarket, BuyDesk desk, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        Dictionary<string, string[]> errors = [];
        if (string.IsNullOrWhiteSpace(body.OfferId))
        {
            errors["offerId"] = ["The offer id of the listing to buy (an opportunity's offerId)."];
        }

        if (string.IsNullOrWhiteSpace(body.RequestKey) || body.RequestKey.Length > MaxRequestKeyLength)
        {
            errors["requestKey"] = [$"A key of your choosing, 1 to {MaxRequestKeyLength} characters, new for each buy: a retry with the same key never buys twice."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The buy is not valid.");
        }

        if (await db.Buys.AsNoTracking().SingleOrDefaultAsync(b => b.UserId == userId && b.RequestKey == body.RequestKey, cancellationToken) is { } earlier)
        {
            return TypedResults.Ok(View(earlier, null));
        }

        var opportunity = await db.Opportunities.AsNoTracking().Where(o => o.OfferId == body.OfferId).OrderByDescending(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (opportunity is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offerId"] = [$"No listing with offer id '{body.OfferId}' is known here (GET /api/opportunities lists them)."] }, title: "The buy is not valid.");
        }

        if (await accounts.KeysAsync(userId, cancellationToken) is not { } keys)
        {
            return TypedResults.Problem("Connect your DMarket keys with the bot's /keys first; buys use your own account.", statusCode: StatusCodes.Status409Conflict, title: "No DMarket keys.");
        }

        var account = dmarket.ForAccount(keys);
        try
        {
            var (buy, problem) = await desk.ProposeAsync(userId, opportunity, account, Channel, body.RequestKey, cancellationToken);
            if (buy is null)
            {
                return TypedResults.Problem($"{opportunity.Title} is no longer listed at its price: sold or repriced. Nothing was bought.", statusCode: StatusCodes.Status409Conflict, title: problem.ToString());
            }

            if (buy.Status != BuyStatus.Proposed)
            {
                return TypedResults.Ok(View(buy, null));
            }

            // The request is the confirmation: the Api caller already said yes.
            var report = await desk.ConfirmAsync(userId, buy.Id, account, cancellationToken);
            return TypedResults.Created($"/api/me/buys/{report.Buy.Id}", View(report.Buy, report.Outcome));
        }
        catch (Exception e) when (e is DMarketApiException or DMarketProtocolException or HttpRequestException)
        {
            return TypedResults.Problem("DMarket did not answer the listing check; nothing was sent. Try again.", statusCode: StatusCodes.Status502BadGateway, title: "DMarket not answering.");
        }
    }

    public static async Task<Ok<List<MeBuy>>> GetBuys(HttpContext context, DMarketDbContext db, int? page, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var buys = await db.Buys.AsNoTracking().Where(b => b.UserId == userId && b.Status != BuyStatus.Proposed)
            .OrderByDescending(b => b.Id).Skip(Math.Max(0, page ?? 0) * MaxPageSize).Take(MaxPageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(buys.Select(b => View(b, null)).ToList());
    }

    public static async Task<Ok<List<MePosition>>> GetPositions(HttpContext context, DMarketDbContext db, int? page, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var held = await db.Positions.AsNoTracking().Where(p => p.UserId == userId && p.GoneAt == null)
            .OrderByDescending(p => p.AcquiredAt).ThenByDescending(p => p.Id).Skip(Math.Max(0, page ?? 0) * MaxPageSize).Take(MaxPageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(held.Select(p => new MePosition(p.Id, p.AssetId, p.GameId, p.Title, p.CostCents, p.CostSource.ToString(), p.AcquiredAt, p.TradeLockUntil,
            p.OfferId, p.ListPriceCents, p.Repricing, p.FloorCents)).ToList());
    }

    public static async Task<Ok<List<MeTrade>>> GetTrades(HttpContext context, TradeBook trades, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok((await trades.TradesAsync(ApiKeyFilter.UserOf(context), Math.Max(0, page ?? 0) * MaxPageSize, MaxPageSize, cancellationToken)).Select(View).ToList());

    public static async Task<Ok<MePnl>> GetPnl(HttpContext context, DMarketDbContext db, TradeBook trades, CancellationToken cancellationToken)
    {
        var userId = ApiKeyFilter.UserOf(context);
        var zoneId = await db.BotUsers.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken);
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var report = await trades.ReportAsync(userId, zone, cancellationToken);
        var running = 0L;
        var series = report.Trades.Select(t => new MePnl.Point(t.ClosedAt, running += t.ProfitCents ?? 0)).ToList();
        return TypedResults.Ok(new MePnl(report.Periods, report.Games, report.Best is { } best ? View(best) : null, report.Worst is { } worst ? View(worst) : null, series));
    }

    private static MeTrade View(Trade t) => new(t.Id, t.OfferId, t.GameId, t.Title, t.PriceCents, t.FeeCents, t.CostCents, t.ProfitCents, t.ClosedAt);

    private static MeBuy View(Buy b, BuyOutcome? outcome) =>
        new(b.Id, b.OfferId, b.GameId, b.Title, b.PriceCents, b.Status.ToString(), outcome?.ToString(), b.FailReason, b.OrderId, b.CreatedAt, b.SettledAt);
}
