using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.Security;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.DMarketSimulator.Apis;

public static class MarketplaceV2Api
{
    public static IEndpointRouteBuilder MapMarketplaceV2Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/marketplace-api/v2").WithTags("Marketplace v2");
        api.MapGet("/offers", GetOffers).WithName("GetOffersV2").WithSummary("The v2 storefront; priceCents.");
        api.MapPost("/offers:batchCreate", CreateOffers).WithName("BatchCreateOffers").WithSummary("Lists items of the inventory at priceCents.");
        api.MapPost("/offers:batchUpdate", UpdateOffers).WithName("BatchUpdateOffers").WithSummary("Reprices the account's listings.");
        api.MapPost("/offers:batchDelete", DeleteOffers).WithName("BatchDeleteOffers").WithSummary("Takes the account's listings off the market.");
        api.MapGet("/user/offers", GetUserOffers).WithName("GetUserOffersV2").WithSummary("The account's listings (priceCents).");
        api.MapGet("/user/inventory", GetUserInventory).WithName("GetUserInventoryV2").WithSummary("What the account holds; suggested prices as USD decimal strings.");
        api.MapGet("/user/targets", GetUserTargets).WithName("GetUserTargetsV2").WithSummary("The account's buy orders (v2, priceCents).");
        return app;
    }

    private static IResult GetOffers(HttpContext context, MarketModel market, [AsParameters] OfferQueryParameters parameters)
    {
        if ((RequestValidation.Game(context, parameters.GameId) ?? RequestValidation.Limit(context, parameters.Limit, required: true)) is { } invalid)
        {
            return invalid;
        }

        var (page, next, total) = market.QueryOffers(parameters.ToQuery(RequestValidation.MaxLimit));

        return Results.Json(new
        {
            items = page.Select(o => new
            {
                offerId = o.OfferId,
                priceCents = o.PriceCents,
                createdAt = Units.Rfc3339(o.CreatedAt),
                locked = false,
                attributes = new
                {
                    title = o.Title,
                    gameId = o.GameId,
                    categoryPath = o.CategoryPath,
                    tradable = true,
                    tradeLockDays = o.Attributes.TradeLockDays,
                    cs2 = AttributesWire.Cs2(o.GameId, o.Attributes),
                    dota2 = AttributesWire.Dota2(o.GameId, o.Attributes),
                    tf2 = AttributesWire.Tf2(o.GameId, o.Attributes),
                    rust = AttributesWire.Rust(o.GameId, o.Attributes),
                },
            }),
            total = (long)total,
            cursor = next ?? string.Empty,
        }, SimulatorJson.Options);
    }

    private static IResult CreateOffers(HttpContext context, MarketModel market, [FromBody] OfferRequests? body)
    {
        if (body?.Requests is not { Count: > 0 and <= RequestValidation.MaxLimit } requests || requests.Any(r => string.IsNullOrEmpty(r.AssetId) || r.PriceCents is null))
        {
            return DMarketErrors.BadRequest(context, "requests: 1 to 100 entries, each with an assetId and priceCents.");
        }

        return Changes(market.CreateOffers(Security.HttpContextAccountExtensions.Account(context), requests.Select(r => (r.AssetId!, r.PriceCents!.Value)).ToList()), "assetId");
    }

    private static IResult UpdateOffers(HttpContext context, MarketModel market, [FromBody] OfferRequests? body)
    {
        if (body?.Requests is not { Count: > 0 and <= RequestValidation.MaxLimit } requests || requests.Any(r => string.IsNullOrEmpty(r.OfferId) || r.PriceCents is null))
        {
            return DMarketErrors.BadRequest(context, "requests: 1 to 100 entries, each with an offerId and priceCents.");
        }

        return Changes(market.UpdateOffers(Security.HttpContextAccountExtensions.Account(context), requests.Select(r => (r.OfferId!, r.PriceCents!.Value)).ToList()), "offerId");
    }

    private static IResult DeleteOffers(HttpContext context, MarketModel market, [FromBody] OfferRequests? body)
    {
        if (body?.Requests is not { Count: > 0 and <= RequestValidation.MaxLimit } requests || requests.Any(r => string.IsNullOrEmpty(r.OfferId)))
        {
            return DMarketErrors.BadRequest(context, "requests: 1 to 100 entries, each with an offerId.");
        }

        return Changes(market.DeleteOffers(Security.HttpContextAccountExtensions.Account(context), requests.Select(r => r.OfferId!).ToList()), "offerId");
    }

    private static IResult Changes(IReadOnlyList<OfferChange> changes, string keyName) => Results.Json(new
    {
        offers = changes.Where(c => c.OfferId is not null).Select(c => new { id = c.OfferId, assetId = c.AssetId }),
        failed = changes.Where(c => c.FailCode is not null).Select(c => new Dictionary<string, string?> { [keyName] = c.Key, ["code"] = c.FailCode, ["message"] = c.FailMessage }),
    }, SimulatorJson.Options);

    private static IResult GetUserOffers(HttpContext context, MarketModel market, [FromQuery] string? gameId, [FromQuery] int? limit, [FromQuery] string? cursor)
    {
        if ((RequestValidation.Game(context, gameId) ?? RequestValidation.Limit(context, limit, required: true)) is { } invalid)
        {
            return invalid;
        }

        var all = market.UserOffers(Security.HttpContextAccountExtensions.Account(context), gameId!);
        var start = OffsetCursor.Decode(cursor) ?? 0;
        var page = all.Skip(start).Take(limit!.Value).ToList();
        return Results.Json(new
        {
            items = page.Select(o => new
            {
                offerId = o.OfferId,
                priceCents = o.PriceCents,
                createdAt = Units.Rfc3339(o.CreatedAt),
                locked = false,
                attributes = new { assetId = o.AssetId, title = o.Title, gameId = o.GameId, categoryPath = o.CategoryPath, tradable = true },
            }),
            total = (long)all.Count,
            cursor = start + page.Count < all.Count ? OffsetCursor.Encode(start + page.Count) : string.Empty,
        }, SimulatorJson.Options);
    }

    public sealed record OfferRequests(List<OfferRequests.Entry>? Requests)
    {
        public sealed record Entry(string? AssetId, string? OfferId, long? PriceCents);
    }

    private static IResult GetUserInventory(HttpContext context, MarketModel market, [FromQuery] string? gameId, [FromQuery] int? limit, [FromQuery] string? cursor, [FromQuery] string? title)
    {
        if ((RequestValidation.Game(context, gameId) ?? RequestValidation.Limit(context, limit, required: true)) is { } invalid)
        {
            return invalid;
        }

        var all = market.Inventory(Security.HttpContextAccountExtensions.Account(context), gameId!, title);
        var start = OffsetCursor.Decode(cursor) ?? 0;
        var page = all.Skip(start).Take(limit!.Value).ToList();
        var now = market.Now;
        return Results.Json(new
        {
            items = page.Select(a => new
            {
                attributes = new
                {
                    assetId = a.AssetId,
                    title = a.Title,
                    gameId = a.GameId,
                    categoryPath = a.CategoryPath,
                    tradable = true,
                    tradeLock = a.TradeLockUntil is { } until && until > now ? (int)Math.Ceiling((until - now).TotalDays) : 0,
                    tradeLockUntil = a.TradeLockUntil is { } lockUntil && lockUntil > now ? Units.Rfc3339(lockUntil) : null,
                    cs2 = AttributesWire.Cs2(a.GameId, a.Attributes),
                    dota2 = AttributesWire.Dota2(a.GameId, a.Attributes),
                    tf2 = AttributesWire.Tf2(a.GameId, a.Attributes),
                    rust = AttributesWire.Rust(a.GameId, a.Attributes),
                },
                suggestedPrice = new { currency = "USD", amount = Units.DollarString(market.SuggestedPriceCents(a.GameId, a.Title)) },
                offerRecommendedPrice = new { currency = "USD", amount = Units.DollarString(market.SuggestedPriceCents(a.GameId, a.Title)) },
                createdAt = Units.Rfc3339(a.AcquiredAt),
                updatedAt = Units.Rfc3339(a.AcquiredAt),
                inMarket = true,
            }),
            total = (long)all.Count,
            cursor = start + page.Count < all.Count ? OffsetCursor.Encode(start + page.Count) : string.Empty,
        }, SimulatorJson.Options);
    }

    private static IResult GetUserTargets(HttpContext context, MarketModel market, [FromQuery] string? gameId, [FromQuery] int? limit, [FromQuery] string? cursor)
    {
        if ((RequestValidation.Game(context, gameId) ?? RequestValidation.Limit(context, limit, required: true)) is { } invalid)
        {
            return invalid;
        }

        var all = market.UserTargets(Security.HttpContextAccountExtensions.Account(context), gameId, null);
        var start = OffsetCursor.Decode(cursor) ?? 0;
        var page = all.Skip(start).Take(limit!.Value).ToList();
        return Results.Json(new
        {
            items = page.Select(t => new
            {
                targetId = t.TargetId,
                title = t.Title,
                amount = t.Amount,
                status = t.Status == Target.Active ? "TARGET_STATUS_ACTIVE" : "TARGET_STATUS_INACTIVE",
                priceCents = t.PriceCents,
                attributes = new
                {
                    categoryPath = string.Empty,
                    image = string.Empty,
                    title = t.Title,
                    name = t.Title,
                    gameId = t.GameId,
                    cs2 = new { category = "normal", exterior = string.Empty, phase = t.Phase ?? string.Empty, paintSeed = t.PaintSeed ?? 0, floatPart = t.FloatPartValue ?? string.Empty, isAdvanced = false },
                },
                createdAt = Units.Rfc3339(t.CreatedAt),
                updatedAt = Units.Rfc3339(t.UpdatedAt),
            }),
            total = (long)all.Count,
            cursor = start + page.Count < all.Count ? OffsetCursor.Encode(start + page.Count) : string.Empty,
        }, SimulatorJson.Options);
    }
}
