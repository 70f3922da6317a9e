using System.Globalization;
using DMarketAspire.DMarket.Client.RateLimiting;
using DMarketAspire.DMarketSimulator.Security;

namespace DMarketAspire.DMarketSimulator.RateLimiting;

/// <summary>Counts each signed request against its account's group and answers with DMarket's headers; 429 past the limit.</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, AccountRateLimiter limiter)
{
    // Windows are one second long; a 429 is over when the next one starts.
    private const string ResetSeconds = "1";

    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiFamilies.Of(context.Request.Path) == ApiFamily.None)
        {
            await next(context);
            return;
        }

        var group = DMarketRateLimits.Classify(context.Request.Path.Value ?? string.Empty);
        var decision = limiter.Check(context.Account().Id, group, context.Items[SimulatedDateMiddleware.ArrivalItem] as DateTimeOffset?);
        var headers = context.Response.Headers;
        var limit = decision.Limit.ToString(CultureInfo.InvariantCulture);
        var remaining = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Limit-Second"] = limit;
        headers["X-RateLimit-Remaining-Second"] = remaining;
        headers["RateLimit-Limit"] = limit;
        headers["RateLimit-Remaining"] = remaining;
        headers["RateLimit-Reset"] = ResetSeconds;

        if (!decision.Allowed)
        {
            await DMarketErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", $"Rate limit of {limit} requests per second exceeded for {group}.");
            return;
        }

        await next(context);
    }
}
