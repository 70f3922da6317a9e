using DMarketAspire.TelegramSimulator.Bot;
using DMarketAspire.TelegramSimulator.BotApi;
using DMarketAspire.TelegramSimulator.ChatPage;
using DMarketAspire.TelegramSimulator.Control;
using DMarketAspire.TelegramSimulator.Faults;
using DMarketAspire.TelegramSimulator.Limits;
using DMarketAspire.TelegramSimulator.Webhook;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DMarketAspire.TelegramSimulator.Extensions;

public static class Extensions
{
    public static void AddTelegramSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramSimulatorOptions>().BindConfiguration(TelegramSimulatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SimulatedBot>();
        builder.Services.AddSingleton<FloodControl>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<SimulatorStats>();
        builder.Services.AddSingleton<BotApiMethods>();
        builder.Services.AddHttpClient(WebhookDelivery.ClientName, client => client.Timeout = TimeSpan.FromSeconds(60));
        builder.Services.AddHostedService<WebhookDelivery>();
    }

    public static WebApplication MapTelegramSimulator(this WebApplication app)
    {
        app.MapBotApi();
        app.MapSimulatorControlApi();
        app.MapChatPage();
        return app;
    }
}
