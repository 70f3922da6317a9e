using System.Globalization;
using DMarketAspire.DMarketSimulator.Market;

namespace DMarketAspire.DMarketSimulator.Security;

/// <summary>DMarket's responses carry its clock in <c>Date</c>; clients learn their skew from it. Ours is the simulated clock.</summary>
public sealed class SimulatedDateMiddleware(RequestDelegate next, SimulatorClock clock)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ApiFamilies.Of(context.Request.Path) != ApiFamily.None)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = clock.UtcNow.ToString("R", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
