using System.Globalization;
using System.Text.Json;
using DMarketAspire.Api.Caching;
using DMarketAspire.Api.Live;
using DMarketAspire.Api.Model;
using DMarketAspire.Api.Queries;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Trading.Filters;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Apis;

public static class OpportunitiesApi
{
    public const string RateLimitPolicy = "per-client";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapOpportunitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/opportunities").WithTags("Opportunities").RequireRateLimiting(OpportunitiesApi.RateLimitPolicy);
        api.MapGet("/", GetOpportunities).WithName("GetOpportunities")
            .WithSummary("Opportunities, filtered and sorted, a page at a time.")
            .WithDescription("Filters: game (a8db, 9a92, tf2, rust), level, minProfitPercent, minProfitUsd, minLiquidity (0-100), status (active, gone, all). " +
                "Item attributes, each binding only its game's items, in the bot's /settings syntax: exterior (fn, mw, ft, ww, bs; comma-separated), " +
                "float (from-to, e.g. 0-0.07), phase, stattrak / souvenir / stickers (only, no, any), category (knife, gloves, rifle…; Rust: weapon, clothing…), " +
                "hero, quality, rarity, killstreak, craftable (only, any), tradeLock (most days locked). " +
                "Sort: profit (cents, default), percent, liquidity, newest. Pages by cursor: pass back nextCursor with the same filters and sort; " +
                "rows stay in order while others come and go. Money in cents.")
            .Produces<OpportunityPage>();
        api.MapGet("/{id:long}", GetOpportunity).WithName("GetOpportunity").WithSummary("One opportunity.");
        api.MapGet("/stream", StreamAsync).WithName("StreamOpportunities")
            .WithSummary("Server-sent events: every opportunity found, updated or gone, as it happens.")
            .ExcludeFromDescription();
        return api;
    }

    public static async Task<Results<CachedJson, ValidationProblem>> GetOpportunities(
        [AsParameters] OpportunityQueryParameters parameters, ReadCache cache, OpportunityEngine engine, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        if (!parameters.TryParse(engine.Levels, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "Some query parameters are not valid.");
        }

        // First pages are the hot reads (the page, the bot, dashboards); later pages go to the database each time.
        if (query!.After is not null)
        {
            return new CachedJson(await ReadPageAsync(scopes, query, cancellationToken));
        }

        var bytes = await cache.GetOrCreateAsync("opportunities:" + query.Key, ct => ReadPageAsync(scopes, query, ct), cancellationToken);
        return new CachedJson(bytes);
    }

    public static async Task<Results<Ok<OpportunityDto>, ProblemHttpResult>> GetOpportunity(long id, DMarketDbContext db, CancellationToken cancellationToken) =>
        await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } opportunity
            ? TypedResults.Ok(OpportunityDto.From(opportunity))
            : TypedResults.Problem($"There is no opportunity {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such opportunity.");

    public static async Task StreamAsync(HttpContext context, LiveFeed feed, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var (id, reader) = feed.Subscribe();
        try
        {
            await context.Response.WriteAsync("event: ready\ndata: {}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            await foreach (var message in reader.ReadAllAsync(cancellationToken))
            {
                await context.Response.WriteAsync($"event: opportunity\ndata: {message}\n\n", cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            feed.Unsubscribe(id);
        }
    }

    // A page the read cache answers needs no DbContext: one is leased from the pool only when the database is read
    // (leasing and returning one for every cached answer was about 3% of the Api's CPU under Benchmarks/api-load.sh).
    private static async Task<byte[]> ReadPageAsync(IServiceScopeFactory scopes, OpportunityQuery query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DMarketDbContext>();
        return JsonSerializer.SerializeToUtf8Bytes(await QueryAsync(db, query, cancellationToken), Json);
    }

    private static async Task<OpportunityPage> QueryAsync(DMarketDbContext db, OpportunityQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Opportunities.AsNoTracking().AsQueryable();
        if (query.Status is { } status)
        {
            rows = rows.Where(o => o.Status == status);
        }

        if (query.GameId is not null)
        {
            rows = rows.Where(o => o.GameId == query.GameId);
        }

        if (query.Level is not null)
        {
            rows = rows.Where(o => o.Level == query.Level);
        }

        if (query.MinProfitPercent is { } minPercent)
        {
            rows = rows.Where(o => o.ProfitPercent >= minPercent);
        }

        if (query.MinProfitCents is { } minCents)
        {
            rows = rows.Where(o => o.ProfitCents >= minCents);
        }

        rows = ItemFilterRules.Apply(rows, query.Items);
        if (query.MinLiquidity is { } minLiquidity)
        {
            rows = rows.Where(o => o.Liquidity >= minLiquidity);
        }

        rows = KeysetOrder(rows, query.Sort, query.After);
        var page = await rows.Take(query.Limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > query.Limit ? CursorAfter(page[query.Limit - 1], query.Sort).Encode() : null;
        return new OpportunityPage(page.Take(query.Limit).Select(OpportunityDto.From).ToList(), next);
    }

    /// <summary>Descending by the sort key, then by id; after a cursor, strictly past its (key, id).</summary>
    private static IQueryable<Opportunity> KeysetOrder(IQueryable<Opportunity> rows, string sort, Cursor? after)
    {
        switch (sort)
        {
            case Sorts.Percent:
                if (after is not null)
                {
                    var key = decimal.Parse(after.Key, CultureInfo.InvariantCulture);
                    rows = rows.Where(o => o.ProfitPercent < key || (o.ProfitPercent == key && o.Id < after.Id));
                }

                return rows.OrderByDescending(o => o.ProfitPercent).ThenByDescending(o => o.Id);
            case Sorts.Liquidity:
                if (after is not null)
                {
                    var key = int.Parse(after.Key, CultureInfo.InvariantCulture);
                    rows = rows.Where(o => o.Liquidity < key || (o.Liquidity == key && o.Id < after.Id));
                }

                return rows.OrderByDescending(o => o.Liquidity).ThenByDescending(o => o.Id);
            case Sorts.Newest:
                if (after is not null)
                {
                    var key = new DateTimeOffset(long.Parse(after.Key, CultureInfo.InvariantCulture), TimeSpan.Zero);
                    rows = rows.Where(o => o.FirstSeenAt < key || (o.FirstSeenAt == key && o.Id < after.Id));
                }

                return rows.OrderByDescending(o => o.FirstSeenAt).ThenByDescending(o => o.Id);
            default:
                if (after is not null)
                {
                    var key = long.Parse(after.Key, CultureInfo.InvariantCulture);
                    rows = rows.Where(o => o.ProfitCents < key || (o.ProfitCents == key && o.Id < after.Id));
                }

                return rows.OrderByDescending(o => o.ProfitCents).ThenByDescending(o => o.Id);
        }
    }

    private static Cursor CursorAfter(Opportunity last, string sort) => new(sort, sort switch
    {
        Sorts.Percent => last.ProfitPercent.ToString(CultureInfo.InvariantCulture),
        Sorts.Liquidity => last.Liquidity.ToString(CultureInfo.InvariantCulture),
        Sorts.Newest => last.FirstSeenAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        _ => last.ProfitCents.ToString(CultureInfo.InvariantCulture),
    }, last.Id);
}
