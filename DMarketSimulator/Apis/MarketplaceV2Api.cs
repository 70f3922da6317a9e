using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarketSimulator.Market;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.DMarketSimulator.Apis;

public static class MarketplaceV2Api
{
    public static IEndpointRouteBuilder MapMarketplaceV2Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/marketplace-api/v2").WithTags("Marketplace v2");
        api.MapGet("/offers", GetOffers).WithName("GetOffersV2").WithSummary("The v2 storefront; priceCents.");
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
                    cs2 = o.GameId == DMarketGames.CounterStrike2 ? new { exterior = o.Exterior, floatValue = o.FloatValue, paintSeed = o.PaintSeed } : null,
                },
            }),
            total = (long)total,
            cursor = next ?? string.Empty,
        }, SimulatorJson.Options);
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
                    cs2 = a.GameId == DMarketGames.CounterStrike2 ? new { exterior = a.Exterior, floatValue = a.FloatValue, paintSeed = a.PaintSeed } : null,
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
