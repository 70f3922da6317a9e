using DMarketAspire.DMarketSimulator.Apis;
using DMarketAspire.DMarketSimulator.Faults;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.RateLimiting;
using DMarketAspire.DMarketSimulator.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DMarketAspire.DMarketSimulator.Extensions;

public static class Extensions
{
    public static void AddDMarketSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SimulatorClock>();
        builder.Services.AddSingleton<MarketModel>();
        builder.Services.AddSingleton<AccountRateLimiter>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddHostedService<MarketDynamicsService>();
        builder.Services.AddHostedService<SimulatedBuyersService>();
        builder.Services.AddProblemDetails();
    }

    /// <summary>DMarket's paths behind faults, signatures and rate limits, then the unsigned control API under /_sim.</summary>
    public static WebApplication MapDMarketSimulator(this WebApplication app)
    {
        app.UseMiddleware<SimulatedDateMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<SignatureVerificationMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();

        app.MapAccountApi();
        app.MapExchangeApi();
        app.MapMarketplaceV1Api();
        app.MapMarketplaceV2Api();
        app.MapTradeAggregatorApi();
        app.MapSimulatorControlApi();
        return app;
    }
}
