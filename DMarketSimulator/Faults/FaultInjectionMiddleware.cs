using DMarketAspire.DMarketSimulator.Security;

namespace DMarketAspire.DMarketSimulator.Faults;

/// <summary>
/// Plays DMarket having a bad day: latency, 5xx, 429 bursts, truncated JSON (before authentication, as an outage would),
/// and the faults that hurt most, after the request took effect: an answer that never arrives, or arrives late.
/// </summary>
public sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults, ILogger<FaultInjectionMiddleware> logger)
{
    private const string TruncatedJson = "{\"objects\":[{\"itemId\":\"";

    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiFamilies.Of(context.Request.Path) == ApiFamily.None)
        {
            await next(context);
            return;
        }

        var decision = faults.Next(context.Request.Path.Value ?? string.Empty);
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, context.RequestAborted);
        }

        switch (decision.Kind)
        {
            case FaultKind.ServerError:
                await DMarketErrors.WriteAsync(context, decision.Status, "InternalServerError", "Injected fault.");
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
            case FaultKind.None when decision.AnswerDelay == TimeSpan.Zero:
                await next(context);
                return;
            default:
                await AfterEffectAsync(context, decision);
                return;
        }
    }

    /// <summary>Runs the request to its effect with the answer held back, then loses it or lets it go late.</summary>
    private async Task AfterEffectAsync(HttpContext context, FaultDecision decision)
    {
        var original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            // The effect must not depend on the caller still waiting: a buyer that gave up does not undo a purchase.
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (decision.Kind == FaultKind.LoseAnswer)
        {
            logger.LogInformation("Injected fault: {Path} took effect and its answer is lost", context.Request.Path.Value);
            context.Abort();
            return;
        }

        await Task.Delay(decision.AnswerDelay, context.RequestAborted);
        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }
}
