using System.Globalization;
using DMarketAspire.Api.Model;
using DMarketAspire.Data.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

public static class ScansApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public static RouteGroupBuilder MapScansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scans").WithTags("Scans").RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapGet("/", GetScans).WithName("GetScans").WithSummary("The scanner's passes, newest first, a page at a time (cursor: the last id seen).");
        return api;
    }

    public static async Task<Results<Ok<ScanPage>, ValidationProblem>> GetScans([FromQuery] string? limit, [FromQuery] string? cursor, DMarketDbContext db, CancellationToken cancellationToken)
    {
        Dictionary<string, string[]> errors = [];
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'{limit}' is not a whole number from 1 to {MaxLimit}."];
        }

        long before = long.MaxValue;
        if (cursor is not null && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out before) || before < 1))
        {
            errors["cursor"] = ["Not a cursor: pass back the nextCursor of the previous page."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some query parameters are not valid.");
        }

        var page = await db.Scans.AsNoTracking().Where(s => s.Id < before).OrderByDescending(s => s.Id).Take(size + 1)
            .Select(s => new ScanDto(s.Id, s.GameId, s.Level, s.Replica, s.StartedAt, s.FinishedAt, s.Status, s.OffersPriced, s.OpportunitiesFound, s.OpportunitiesUpdated, s.OpportunitiesGone, s.Error))
            .ToListAsync(cancellationToken);
        var next = page.Count > size ? page[size - 1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new ScanPage(page.Take(size).ToList(), next));
    }
}
