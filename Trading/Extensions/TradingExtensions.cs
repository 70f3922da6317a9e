using DMarketAspire.Trading;
using DMarketAspire.Trading.Autopilots;
using DMarketAspire.Trading.Buying;
using DMarketAspire.Trading.Fees;
using DMarketAspire.Trading.Positions;
using DMarketAspire.Trading.Selling;
using DMarketAspire.Trading.Targets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class TradingExtensions
{
    /// <summary>Buying (record, send once, reconcile) and positions, over the service's DbContext and DMarket client.</summary>
    public static IHostApplicationBuilder AddTrading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TradingOptions>().BindConfiguration(TradingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TradingMetrics>();
        builder.Services.AddScoped<PositionBook>();
        builder.Services.AddScoped<BuyDesk>();
        builder.Services.AddScoped<BuyReconciler>();
        builder.Services.AddScoped<FeeBook>();
        builder.Services.AddScoped<SaleDesk>();
        builder.Services.AddScoped<TradeBook>();
        builder.Services.AddScoped<TargetBook>();
        builder.Services.AddScoped<PanicDesk>();
        builder.Services.AddOptions<AutopilotOptions>().BindConfiguration(AutopilotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AutopilotLedger>();
        builder.Services.AddScoped<AutopilotStore>();
        builder.Services.AddScoped<AutopilotPlanner>();
        builder.Services.AddScoped<AutopilotDesk>();
        builder.Services.AddScoped<AutopilotLister>();
        builder.Services.AddScoped<AutopilotReporter>();
        builder.Services.AddScoped<PaperBook>();
        return builder;
    }
}
