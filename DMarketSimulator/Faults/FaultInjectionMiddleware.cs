using DMarketAspire.DMarketSimulator.Security;

namespace DMarketAspire.DMarketSimulator.Faults;

/// <summary>Plays DMarket having a bad day: latency, 5xx, 429 bursts, truncated JSON. Runs before authentication, as an outage would.</summary>
public sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults)
{
    private const string TruncatedJson = "{\"objects\":[{\"itemId\":\"";

    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiFamilies.Of(context.Request.Path) == ApiFamily.None)
        {
            await next(context);
            return;
        }

        var (kind, latency, status) = faults.Next();
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        switch (kind)
        {
            case FaultKind.ServerError:
                await DMarketErrors.WriteAsync(context, status, "InternalServerError", "Injected fault.");
                return;
            case FaultKind.RateLimited:
                context.Response.Headers["RateLimit-Remaining"] = "0";
                context.Response.Headers["RateLimit-Reset"] = "1";
                await DMarketErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", "Injected rate limit.");
                return;
            case FaultKind.Malformed:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(TruncatedJson, context.RequestAborted);
                return;
            default:
                await next(context);
                return;
        }
    }
}
