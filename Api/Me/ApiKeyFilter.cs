using DMarketAspire.Data.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Api.Me;

/// <summary>
/// The <c>/api/me</c> endpoints' gate: a live key from the bot's <c>/apikey</c> in <c>X-Api-Key</c>, looked up by its
/// hash; the user it belongs to goes into the request for the endpoint. Anything else: 401 with a ProblemDetails that
/// says how to get a key.
/// </summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";
    private const string UserItem = "DMarketAspire.ApiKeyUser";

    public static long UserOf(HttpContext context) => (long)context.Items[UserItem]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers[HeaderName].FirstOrDefault() is not { Length: > 0 } key)
        {
            return Unauthorized($"Send your key in the {HeaderName} header; the Telegram bot's /apikey issues one.");
        }

        var hash = ApiKeyHasher.Hash(key);
        var db = http.RequestServices.GetRequiredService<DMarketDbContext>();
        var userId = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null).Select(k => (long?)k.UserId).SingleOrDefaultAsync(http.RequestAborted);
        if (userId is null)
        {
            return Unauthorized("This key is not valid: it was revoked, replaced by a newer one, or never issued. The bot's /apikey issues a new one.");
        }

        http.Items[UserItem] = userId.Value;
        return await next(context);
    }

    private static IResult Unauthorized(string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "An Api key is needed.", Detail = detail });
}
