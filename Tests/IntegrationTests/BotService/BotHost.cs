using DMarketAspire.BotService.Extensions;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>A BotService replica wired exactly as its Program.cs wires it, against test PostgreSQL, Redis and the Telegram simulator.</summary>
public static class BotHost
{
    public static Task<TestWebServer> StartAsync(string database, string redis, Uri telegram, string token, string keyPrefix, string replica, ErrorLog? errors = null, params (string Key, string Value)[] settings) =>
        TestWebServer.StartAsync(
            app =>
            {
                app.MapDefaultEndpoints();
                DMarketAspire.BotService.Telegram.WebhookApi.MapTelegramWebhook(app);
            },
            builder =>
            {
                foreach (var (key, value) in Settings(database, redis, telegram, token, keyPrefix, replica).Concat(settings))
                {
                    builder.Configuration[key] = value;
                }

                if (errors is not null)
                {
                    builder.Logging.AddProvider(errors);
                }

                builder.AddServiceDefaults();
                builder.AddApplicationServices();
            });

    /// <summary>The settings a test replica runs with (also given to a replica run as a process).</summary>
    public static IEnumerable<(string Key, string Value)> Settings(string database, string redis, Uri telegram, string token, string keyPrefix, string replica) =>
    [
        ("ConnectionStrings:dmarketdb", database),
        ("ConnectionStrings:cache", redis),
        ("Telegram:BotToken", token),
        ("Telegram:ApiBaseUrl", telegram.ToString().TrimEnd('/')),
        ("Telegram:RedisKeyPrefix", keyPrefix),
        ("Telegram:ReplicaId", replica),
        ("Telegram:PollTimeout", "00:00:05"),
        ("Telegram:RequestTimeout", "00:00:15"),
        ("Telegram:LeaseDuration", "00:00:03"),
        ("Telegram:LeaseRenewInterval", "00:00:00.500"),
        ("Telegram:Admins", "900001"),
        ("Notifications:PollInterval", "00:00:00.500"),
        ("Notifications:RetryBaseDelay", "00:00:00.200"),
        ("Notifications:RetryMaxDelay", "00:00:02"),
        ("Notifications:ClaimTimeout", "00:00:20"),
    ];
}
