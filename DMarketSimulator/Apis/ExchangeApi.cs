using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.Security;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.DMarketSimulator.Apis;

public static class ExchangeApi
{
    private const int DefaultMarketLimit = 50;
    private const int DefaultFeesLimit = 10;
    private const int MaxFeesLimit = 15_000;
    private const long PercentBasisPoints = 100;

    public static IEndpointRouteBuilder MapExchangeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/exchange/v1").WithTags("Exchange");
        api.MapGet("/market/items", GetMarketItems).WithName("GetMarketItems").WithSummary("Listings of a game; prices are cents strings.");
        api.MapGet("/customized-fees", GetCustomizedFees).WithName("GetCustomizedFees").WithSummary("The default and reduced seller fees of a game.");
        api.MapMethods("/offers-buy", [HttpMethods.Patch], BuyOffers).WithName("BuyOffers").WithSummary("Buys listings at their current price.");
        return app;
    }

    private static IResult GetMarketItems(HttpContext context, MarketModel market, [AsParameters] OfferQueryParameters parameters, [FromQuery] string? currency)
    {
        if ((RequestValidation.Game(context, parameters.GameId) ?? RequestValidation.Limit(context, parameters.Limit)) is { } invalid)
        {
            return invalid;
        }

        if (currency is not null && currency != "USD")
        {
            return DMarketErrors.Result(context, StatusCodes.Status400BadRequest, "UnsupportedCurrency", "currency: only USD is supported.");
        }

        var (page, next, total) = market.QueryOffers(parameters.ToQuery(DefaultMarketLimit));

        return Results.Json(new
        {
            objects = page.Select(o => MarketObject(o, market)),
            total = new { offers = total, targets = 0, items = total, completedOffers = 0, closedTargets = 0 },
            cursor = next ?? string.Empty,
        }, SimulatorJson.Options);
    }

    private static object MarketObject(Offer o, MarketModel market)
    {
        var fee = market.FeeFraction(o.GameId, o.Title, o.PriceCents);
        var suggested = market.SuggestedPriceCents(o.GameId, o.Title);
        var coins = (long cents) => new { USD = Units.CentsString(cents), DMC = Units.CentsString(cents * 100) };
        return new
        {
            itemId = o.AssetId,
            type = "item",
            amount = 1,
            classId = o.AssetId[..8],
            gameId = o.GameId,
            gameType = "steam",
            inMarket = true,
            lockStatus = false,
            title = o.Title,
            description = string.Empty,
            image = string.Empty,
            slug = o.Title.ToLowerInvariant().Replace(' ', '-'),
            owner = o.SellerAccountId ?? "market",
            ownersBlockchainId = string.Empty,
            status = "active",
            discount = Math.Max(0, market.DiscountBasisPoints(o) / PercentBasisPoints),
            createdAt = o.CreatedAt.ToUnixTimeSeconds(),
            productId = o.OfferId,
            price = coins(o.PriceCents),
            instantPrice = coins(o.PriceCents),
            exchangePrice = coins(o.PriceCents),
            suggestedPrice = coins(suggested),
            discountPrice = coins(o.PriceCents),
            recommendedPrice = new { offerPrice = coins(suggested), d3 = coins(suggested), d7 = coins(suggested), d7Plus = coins(suggested) },
            instantTargetId = string.Empty,
            deliveryStats = new { rate = "100", time = "0" },
            fees = new
            {
                dmarket = new
                {
                    sell = new { @default = new { percentage = (fee * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), minFee = coins(1) } },
                },
            },
            extra = Extra(o),
        };
    }

    private static Dictionary<string, object?> Extra(Offer o)
    {
        var extra = AttributesWire.Extra(o.GameId, o.Attributes);
        extra["offerId"] = o.OfferId;
        extra["name"] = o.Title;
        extra["categoryPath"] = o.CategoryPath;
        extra["tradable"] = true;
        extra["withdrawable"] = o.Attributes.TradeLockDays == 0;
        extra["saleRestricted"] = false;
        extra["inGameAssetID"] = o.AssetId;
        return extra;
    }

    private static IResult GetCustomizedFees(HttpContext context, MarketModel market, [FromQuery] string? gameId, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] string? offerType)
    {
        if ((RequestValidation.Game(context, gameId) ?? RequestValidation.Limit(context, limit, max: MaxFeesLimit)) is { } invalid)
        {
            return invalid;
        }

        var (reduced, defaultFraction) = market.FeeTable(gameId!);
        return Results.Json(new
        {
            defaultFee = new { fraction = defaultFraction.ToString(System.Globalization.CultureInfo.InvariantCulture), minAmount = MarketModel.DefaultFeeMinAmount },
            reducedFees = reduced.Skip(offset ?? 0).Take(limit ?? DefaultFeesLimit).Select(f => new
            {
                title = f.Title,
                fraction = f.Fraction.ToString(System.Globalization.CultureInfo.InvariantCulture),
                minPrice = f.MinPriceCents,
                maxPrice = f.MaxPriceCents,
                expiresAt = f.ExpiresAt.ToUnixTimeSeconds(),
            }),
        }, SimulatorJson.Options);
    }

    private static IResult BuyOffers(HttpContext context, MarketModel market, [FromBody] BuyOffersBody? body)
    {
        if (body?.Offers is not { Count: > 0 } offers || offers.Count > RequestValidation.MaxLimit)
        {
            return DMarketErrors.BadRequest(context, "offers: must contain 1 to 100 offers.");
        }

        List<(string, long)> requested = [];
        foreach (var offer in offers)
        {
            if (offer.OfferId is null || offer.Price?.Currency != "USD" || !long.TryParse(offer.Price.Amount, out var cents) || cents <= 0)
            {
                return DMarketErrors.BadRequest(context, "offers: each needs an offerId and a USD price amount in cents.");
            }

            requested.Add((offer.OfferId, cents));
        }

        var outcome = market.Buy(context.Account(), requested);
        return Results.Json(new
        {
            orderId = outcome.OrderId ?? string.Empty,
            status = outcome.Success ? "TxSuccess" : "TxFailed",
            txId = outcome.TxId ?? string.Empty,
            dmOffersStatus = outcome.OfferIds.ToDictionary(id => id, _ => new { started = outcome.Success }),
            p2pOffersStatus = new Dictionary<string, object>(),
            dmOffersFailReason = new { code = outcome.FailReason ?? string.Empty },
        }, SimulatorJson.Options);
    }

    public sealed record BuyOffersBody(List<BuyOffersBody.Entry>? Offers)
    {
        public sealed record Entry(string? OfferId, EntryPrice? Price, string? Type);

        public sealed record EntryPrice(string? Amount, string? Currency);
    }
}
