using DMarketAspire.Trading.Accounts;
using DMarketAspire.Data.Alerts;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.BotService.Updates;
using DMarketAspire.BotService.Users;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DMarketAspire.BotService.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PriceAlertOptions>().BindConfiguration(PriceAlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddNpgsqlDbContext<DMarketDbContext>(DMarketDbContext.ConnectionName);
        builder.AddRedisClient("cache");
        builder.AddTelegramClient();
        // Users' own accounts only: the bot has no DMarket keys of its own.
        builder.AddDMarketClient(requireServiceKeys: false);
        builder.AddSecretProtection();
        builder.AddTrading();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<TelegramSendGate>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<ProcessedUpdates>();
        services.AddSingleton<AntiFlood>();
        services.AddSingleton<OpportunityCard>();
        services.AddSingleton<UpdateDispatcher>();
        services.AddSingleton<BotLeadership>();
        services.AddTransient<BotReplies>();

        services.AddScoped<BotUserStore>();
        services.AddScoped<MessageHandler>();
        services.AddScoped<CallbackQueryHandler>();
        services.AddScoped<ChatMemberHandler>();
        services.AddScoped<CommandRouter>();
        services.AddScoped<GeneralCommands>();
        services.AddScoped<ScanCommands>();
        services.AddScoped<SettingsCommands>();
        services.AddScoped<AccountCommands>();
        services.AddScoped<ApiKeyCommands>();
        services.AddScoped<Targets.TargetCommands>();
        services.AddScoped<Items.ItemCommands>();
        services.AddScoped<Items.ItemReports>();
        services.AddScoped<Items.TitleSearch>();
        services.AddScoped<Alerts.AlertCommands>();
        services.AddScoped<PriceAlertBook>();
        services.AddSingleton<Alerts.AlertCard>();
        services.AddScoped<Trading.BuyCommands>();
        services.AddScoped<Trading.InventoryCommands>();
        services.AddScoped<Trading.SellCommands>();
        services.AddScoped<Access.AccessGate>();
        services.AddScoped<Access.AccessCommands>();
        services.AddScoped<Trading.PnlCommands>();
        services.AddScoped<Autopilots.AutopilotCommands>();
        services.AddScoped<Autopilots.PanicCommands>();

        // Leadership first: hosted services stop in reverse order, so the lease is released after the others stopped.
        services.AddHostedService(provider => provider.GetRequiredService<BotLeadership>());
        services.AddHostedService<UpdateReceiver>();
        services.AddHostedService<NotificationPlanner>();
        services.AddHostedService<NotificationSender>();
        services.AddHostedService<Targets.TargetWatcher>();
        services.AddHostedService<Alerts.AlertWatcher>();
        services.AddHostedService<Trading.BuyReconcileService>();
        services.AddHostedService<Trading.SaleWatchService>();
        services.AddHostedService<Autopilots.AutopilotService>();
    }
}
