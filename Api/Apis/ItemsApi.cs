using DMarketAspire.Api.Model;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

public static class ItemsApi
{
    private const int MinSearchLength = 2;
    private const int MaxResults = 50;
    private const int DefaultHistoryDays = 30;
    private const int MaxHistoryDays = 365;

    public static RouteGroupBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/items").WithTags("Items").RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapGet("/", SearchItems).WithName("SearchItems").WithSummary("Titles whose name contains the search text, with their latest prices.");
        api.MapGet("/{game}/{title}/history", GetHistory).WithName("GetItemHistory").WithSummary("A title's price series and sales, oldest first.");
        return api;
    }

    public static async Task<Results<Ok<List<ItemSummary>>, ValidationProblem>> SearchItems(
        [FromQuery] string? search, [FromQuery] string? game, DMarketDbContext db, CancellationToken cancellationToken)
    {
        Dictionary<string, string[]> errors = [];
        if (search is null || search.Trim().Length < MinSearchLength)
        {
            errors["search"] = [$"Give at least {MinSearchLength} characters of a title."];
        }

        if (game is not null && !DMarketGames.IsKnown(game))
        {
            errors["game"] = [$"'{game}' is not a game; use one of {string.Join(", ", DMarketGames.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some query parameters are not valid.");
        }

        var pattern = "%" + search!.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var items = await db.Items.AsNoTracking()
            .Where(i => EF.Functions.ILike(i.Title, pattern) && (game == null || i.GameId == game))
            .OrderBy(i => i.Title).Take(MaxResults)
            .Select(i => new
            {
                i.GameId,
                i.Title,
                Latest = db.PriceSnapshots.Where(p => p.ItemId == i.Id).OrderByDescending(p => p.CapturedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items.Select(i => new ItemSummary(i.GameId, i.Title, i.Latest?.BestOfferCents, i.Latest?.BestBuyOrderCents, i.Latest?.MedianSaleCents, i.Latest?.CapturedAt)).ToList());
    }

    public static async Task<Results<Ok<ItemHistory>, ProblemHttpResult, ValidationProblem>> GetHistory(
        string game, string title, [FromQuery] string? days, DMarketDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var span = DefaultHistoryDays;
        if (days is not null && (!int.TryParse(days, out span) || span is < 1 or > MaxHistoryDays))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"'{days}' is not a whole number from 1 to {MaxHistoryDays}."] });
        }

        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.GameId == game && i.Title == title, cancellationToken);
        if (item is null)
        {
            return TypedResults.Problem($"No title '{title}' has been seen in game '{game}'.", statusCode: StatusCodes.Status404NotFound, title: "No such item.");
        }

        var since = time.GetUtcNow().AddDays(-span);
        var prices = await db.PriceSnapshots.AsNoTracking().Where(p => p.ItemId == item.Id && p.CapturedAt >= since).OrderBy(p => p.CapturedAt)
            .Select(p => new ItemHistory.PricePoint(p.CapturedAt, p.BestOfferCents, p.BestBuyOrderCents, p.MedianSaleCents)).ToListAsync(cancellationToken);
        var sales = await db.Sales.AsNoTracking().Where(s => s.ItemId == item.Id && s.SoldAt >= since).OrderBy(s => s.SoldAt)
            .Select(s => new ItemHistory.SalePoint(s.SoldAt, s.PriceCents, s.OperationType)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ItemHistory(item.GameId, item.Title, prices, sales));
    }
}
