using System.Globalization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.Security;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.DMarketSimulator.Apis;

public static class MarketplaceV1Api
{
    private const int MaxTargetAmount = 100;

    public static IEndpointRouteBuilder MapMarketplaceV1Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/marketplace-api/v1").WithTags("Marketplace v1");
        api.MapPost("/aggregated-prices", GetAggregatedPrices).WithName("GetAggregatedPrices").WithSummary("Best bid and ask per title; amounts are cents strings.");
        api.MapGet("/targets-by-title/{gameId}/{title}", GetTargetsByTitle).WithName("GetTargetsByTitle").WithSummary("Buy orders for a title, by price.");
        api.MapPost("/user-targets/create", CreateTargets).WithName("CreateTargets").WithSummary("Places buy orders; prices in dollars.");
        api.MapPost("/user-targets/delete", DeleteTargets).WithName("DeleteTargets").WithSummary("Deletes the account's buy orders.");
        api.MapGet("/user-targets", GetUserTargets).WithName("GetUserTargetsV1").WithSummary("The account's buy orders (v1, dollars).");
        api.MapGet("/user-targets/closed", GetClosedTargets).WithName("GetClosedTargets").WithSummary("The account's filled buy orders.");
        api.MapGet("/user-offers/closed", GetClosedOffers).WithName("GetClosedOffers").WithSummary("The account's sold listings with the fee charged; dollars.");
        return app;
    }

    private static IResult GetAggregatedPrices(HttpContext context, MarketModel market, [FromBody] AggregatedPricesBody? body)
    {
        var game = body?.Filter?.Game;
        if (RequestValidation.Game(context, game) is { } invalid)
        {
            return invalid;
        }

        var titles = body!.Filter!.Titles ?? [];
        if (titles.Count > RequestValidation.MaxLimit)
        {
            return DMarketErrors.BadRequest(context, "filter.titles: must contain no more than 100 titles.");
        }

        var money = (long? cents) => new { Currency = "USD", Amount = Units.CentsString(cents ?? 0) };
        return Results.Json(new
        {
            aggregatedPrices = market.Aggregate(game!, titles).Select(p => new
            {
                title = p.Title,
                orderBestPrice = money(p.BestBid),
                orderCount = p.BidCount.ToString(CultureInfo.InvariantCulture),
                offerBestPrice = money(p.BestAsk),
                offerCount = p.AskCount.ToString(CultureInfo.InvariantCulture),
            }),
            nextCursor = string.Empty,
        }, SimulatorJson.Options);
    }

    private static IResult GetTargetsByTitle(HttpContext context, MarketModel market, string gameId, string title)
    {
        if (RequestValidation.Game(context, gameId) is { } invalid)
        {
            return invalid;
        }

        return Results.Json(new
        {
            orders = market.BuyOrders(gameId, title).Select(o => new
            {
                amount = o.Amount.ToString(CultureInfo.InvariantCulture),
                price = Units.CentsString(o.PriceCents),
                title,
                attributes = new Dictionary<string, string> { ["exterior"] = "any", ["phase"] = "any" },
            }),
        }, SimulatorJson.Options);
    }

    private static IResult CreateTargets(HttpContext context, MarketModel market, [FromBody] CreateTargetsBody? body)
    {
        if (RequestValidation.Game(context, body?.GameId) is { } invalid)
        {
            return invalid;
        }

        var entries = body!.Targets ?? [];
        if (entries.Count is 0 or > RequestValidation.MaxLimit)
        {
            return DMarketErrors.BadRequest(context, "Targets: must contain 1 to 100 targets.");
        }

        var account = context.Account();
        var results = entries.Select(entry =>
        {
            var echo = new
            {
                Amount = entry.Amount ?? string.Empty,
                Price = new { Currency = entry.Price?.Currency ?? string.Empty, Amount = entry.Price?.Amount ?? 0m },
                Title = entry.Title ?? string.Empty,
                Attrs = new { paintSeed = entry.Attrs?.PaintSeed ?? 0, phase = entry.Attrs?.Phase ?? string.Empty, floatPartValue = entry.Attrs?.FloatPartValue ?? string.Empty },
            };
            var error = Validate(entry, account, market);
            if (error is not null)
            {
                return new { CreateTarget = echo, TargetID = string.Empty, Successful = false, Error = new { Code = error.Value.Code, Message = error.Value.Message } };
            }

            var target = market.AddTarget(account, body.GameId!, entry.Title!, Money.FromDollars(entry.Price!.Amount), long.Parse(entry.Amount!, CultureInfo.InvariantCulture),
                entry.Attrs?.FloatPartValue, entry.Attrs?.Phase, entry.Attrs?.PaintSeed);
            return new { CreateTarget = echo, TargetID = target.TargetId, Successful = true, Error = new { Code = string.Empty, Message = string.Empty } };
        }).ToList();

        return Results.Json(new { Result = results }, SimulatorJson.Options);
    }

    private static (string Code, string Message)? Validate(CreateTargetsBody.Entry entry, Account account, MarketModel market)
    {
        if (string.IsNullOrWhiteSpace(entry.Title))
        {
            return ("TitleRequired", "Title is required.");
        }

        if (!long.TryParse(entry.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount is < 1 or > MaxTargetAmount)
        {
            return ("InvalidAmount", $"Amount must be a whole number from 1 to {MaxTargetAmount}, as a string.");
        }

        if (entry.Price is not { Currency: "USD", Amount: > 0 } price || Money.FromDollars(price.Amount) < 1)
        {
            return ("BadRequest", "Price must be a positive USD amount in dollars.");
        }

        return market.ActiveTargetCount(account) >= account.TargetsLimit
            ? ("BadRequest", $"targetsLimit of {account.TargetsLimit} reached.")
            : null;
    }

    private static IResult DeleteTargets(HttpContext context, MarketModel market, [FromBody] DeleteTargetsBody? body)
    {
        var ids = body?.Targets ?? [];
        if (ids.Count is 0 or > RequestValidation.MaxLimit)
        {
            return DMarketErrors.BadRequest(context, "Targets: must contain 1 to 100 targets.");
        }

        var account = context.Account();
        return Results.Json(new
        {
            Result = ids.Select(t =>
            {
                var deleted = t.TargetId is not null && market.DeleteTarget(account, t.TargetId);
                return new
                {
                    DeleteTarget = new { TargetID = t.TargetId ?? string.Empty },
                    Successful = deleted,
                    Error = deleted ? new { Code = string.Empty, Message = string.Empty } : new { Code = "TargetNotFound", Message = "No such target of this account." },
                };
            }),
        }, SimulatorJson.Options);
    }

    private static IResult GetUserTargets(
        HttpContext context,
        MarketModel market,
        [FromQuery(Name = "GameID")] string? gameId,
        [FromQuery(Name = "BasicFilters.Status")] string? status,
        [FromQuery(Name = "Limit")] int? limit,
        [FromQuery(Name = "Offset")] int? offset,
        [FromQuery(Name = "Cursor")] string? cursor)
    {
        if (RequestValidation.Limit(context, limit) is { } invalid)
        {
            return invalid;
        }

        var all = market.UserTargets(context.Account(), gameId, status);
        var start = OffsetCursor.Decode(cursor) ?? offset ?? 0;
        var size = limit ?? RequestValidation.MaxLimit;
        var page = all.Skip(start).Take(size).ToList();
        return Results.Json(new
        {
            Items = page.Select(t => new
            {
                TargetID = t.TargetId,
                Title = t.Title,
                Amount = t.Amount.ToString(CultureInfo.InvariantCulture),
                Status = t.Status,
                GameID = t.GameId,
                GameType = "steam",
                Attributes = new[] { new { Name = "title", Value = t.Title } },
                Price = new { Currency = "USD", Amount = Units.Dollars(t.PriceCents) },
            }),
            Total = all.Count.ToString(CultureInfo.InvariantCulture),
            Cursor = start + page.Count < all.Count ? OffsetCursor.Encode(start + page.Count) : string.Empty,
        }, SimulatorJson.Options);
    }

    private static IResult GetClosedTargets(HttpContext context, MarketModel market, [FromQuery(Name = "Limit")] int? limit, [FromQuery(Name = "Cursor")] string? cursor)
    {
        if (RequestValidation.Limit(context, limit) is { } invalid)
        {
            return invalid;
        }

        var all = market.ClosedTargets(context.Account());
        var start = OffsetCursor.Decode(cursor) ?? 0;
        var page = all.Skip(start).Take(limit ?? RequestValidation.MaxLimit).ToList();
        return Results.Json(new
        {
            Trades = page.Select(c => new
            {
                OfferID = c.OfferId,
                TargetID = c.TargetId,
                AssetID = c.AssetId,
                Price = new { Currency = "USD", Amount = Units.Dollars(c.PriceCents) },
                CurrencyCode = "USD",
                Amount = "1",
                Title = c.Title,
                ClosedAt = Units.UnixString(c.ClosedAt),
                Status = c.Status,
                FinalizationTime = Units.UnixString(c.ClosedAt),
            }),
            Total = all.Count.ToString(CultureInfo.InvariantCulture),
            Cursor = start + page.Count < all.Count ? OffsetCursor.Encode(start + page.Count) : string.Empty,
        }, SimulatorJson.Options);
    }

    private static IResult GetClosedOffers(HttpContext context, MarketModel market, [FromQuery(Name = "Limit")] int? limit, [FromQuery(Name = "Cursor")] string? cursor)
    {
        if (RequestValidation.Limit(context, limit) is { } invalid)
        {
            return invalid;
        }

        var all = market.ClosedOffers(context.Account());
        var start = OffsetCursor.Decode(cursor) ?? 0;
        var page = all.Skip(start).Take(limit ?? RequestValidation.MaxLimit).ToList();
        return Results.Json(new
        {
            Trades = page.Select(c => new
            {
                OfferID = c.OfferId,
                TargetID = c.TargetId ?? string.Empty,
                AssetID = c.AssetId,
                Price = new { Currency = "USD", Amount = Units.Dollars(c.PriceCents) },
                CurrencyCode = "USD",
                Amount = "1",
                Title = c.Title,
                Fee = new
                {
                    Amount = new { Currency = "USD", Amount = Units.Dollars(c.FeeCents) },
                    Percent = (c.FeeFraction * 100m).ToString("0.##", CultureInfo.InvariantCulture),
                    IsPersonal = false,
                },
                OfferCreatedAt = Units.UnixString(c.CreatedAt),
                OfferClosedAt = Units.UnixString(c.ClosedAt),
                Status = "successful",
                FinalizationTime = Units.UnixString(c.ClosedAt),
            }),
            Total = all.Count.ToString(CultureInfo.InvariantCulture),
            Cursor = start + page.Count < all.Count ? OffsetCursor.Encode(start + page.Count) : string.Empty,
        }, SimulatorJson.Options);
    }

    public sealed record AggregatedPricesBody(AggregatedPricesBody.PriceFilter? Filter, string? Limit, string? Cursor)
    {
        public sealed record PriceFilter(string? Game, List<string>? Titles);
    }

    public sealed record CreateTargetsBody(string? GameId, List<CreateTargetsBody.Entry>? Targets)
    {
        public sealed record Entry(string? Amount, EntryPrice? Price, string? Title, EntryAttrs? Attrs);

        public sealed record EntryPrice(string? Currency, decimal Amount);

        public sealed record EntryAttrs(string? FloatPartValue, string? Phase, int? PaintSeed);
    }

    public sealed record DeleteTargetsBody(List<DeleteTargetsBody.TargetRef>? Targets)
    {
        public sealed record TargetRef(string? TargetId);
    }
}
