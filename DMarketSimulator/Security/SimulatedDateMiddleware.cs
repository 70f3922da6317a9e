using System.Globalization;
using DMarketAspire.DMarketSimulator.Market;

namespace DMarketAspire.DMarketSimulator.Security;

/// <summary>
/// First on every DMarket path: notes when the request arrived (rate limits count arrivals, as DMarket's edge does, not
/// the moment after the body was read and the signature checked), and stamps the response's <c>Date</c> with the
/// simulated clock, from which clients learn their skew.
/// </summary>
public sealed class SimulatedDateMiddleware(RequestDelegate next, SimulatorClock clock)
{
    public const string ArrivalItem = "dmarket.arrival";

    public Task InvokeAsync(HttpContext context)
    {
        if (ApiFamilies.Of(context.Request.Path) != ApiFamily.None)
        {
            context.Items[ArrivalItem] = clock.UtcNow;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = clock.UtcNow.ToString("R", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
