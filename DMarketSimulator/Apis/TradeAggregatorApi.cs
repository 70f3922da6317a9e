using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.Security;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.DMarketSimulator.Apis;

public static class TradeAggregatorApi
{
    private const int MaxSalesLimit = 20;

    public static IEndpointRouteBuilder MapTradeAggregatorApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/trade-aggregator/v1/last-sales", GetLastSales).WithTags("Trade aggregator")
            .WithName("GetLastSales").WithSummary("Recent sales of a title, newest first; prices are dollar strings.");
        return app;
    }

    private static IResult GetLastSales(
        HttpContext context,
        MarketModel market,
        [FromQuery] string? gameId,
        [FromQuery] string? title,
        [FromQuery] int? limit,
        [FromQuery] int? offset,
        [FromQuery] string[]? txOperationType)
    {
        if ((RequestValidation.Game(context, gameId) ?? RequestValidation.Limit(context, limit, max: MaxSalesLimit)) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrEmpty(title))
        {
            return DMarketErrors.BadRequest(context, "title: is required.");
        }

        var types = (txOperationType ?? []).Where(t => t.Length > 0).ToList();
        return Results.Json(new
        {
            sales = market.LastSales(gameId!, title, offset ?? 0, limit ?? MaxSalesLimit, types).Select(s => new
            {
                price = Units.DollarString(s.PriceCents),
                date = Units.UnixString(s.Date),
                txOperationType = s.OperationType,
                offerAttributes = new Dictionary<string, string>(),
                orderAttributes = new Dictionary<string, string>(),
            }),
        }, SimulatorJson.Options);
    }
}
