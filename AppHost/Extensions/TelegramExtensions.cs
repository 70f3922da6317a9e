namespace DMarketAspire.AppHost.Extensions;

internal static class TelegramExtensions
{
    /// <summary>The simulator's made-up token in Telegram's format: given to both the simulator and the bot.</summary>
    public const string SimulatorToken = "7000000001:SIMULATOR-demo-token-for-dmarket-aspire";

    private const string BotTokenConfigurationKey = "Telegram:BotToken";
    private const string ApiBaseUrlConfigurationKey = "Telegram:ApiBaseUrl";

    /// <summary>Bot settings the AppHost passes on when it has them (user secrets or environment).</summary>
    private static readonly string[] PassedThrough = ["Telegram:Mode", "Telegram:WebhookUrl", "Telegram:WebhookSecret", "Telegram:Admins", "Telegram:AllowedUsers"];

    /// <summary>
    /// Telegram when <c>Telegram:BotToken</c> is configured (and always in the deployment manifest), at
    /// <c>Telegram:ApiBaseUrl</c> when given (a self-hosted Bot API server); otherwise the Telegram simulator and its
    /// chat page, exactly as <see cref="DMarketExtensions.AddDMarket"/> chooses the DMarket simulator.
    /// </summary>
    public static TelegramConnection AddTelegram(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode || !string.IsNullOrWhiteSpace(builder.Configuration[BotTokenConfigurationKey]))
        {
            return new TelegramConnection(
                builder.Configuration[ApiBaseUrlConfigurationKey],
                builder.AddParameterFromConfiguration("telegram-bot-token", BotTokenConfigurationKey, secret: true),
                Simulator: null);
        }

        var simulator = builder.AddProject<Projects.DMarketAspire_TelegramSimulator>("telegram-simulator")
            .WithDirectHttpEndpoint()
            .WithEnvironment("TelegramSimulator__BotToken", SimulatorToken)
            .WithHttpHealthCheck("/health")
            .WithPageUrl("/", "chat");
        return new TelegramConnection(ApiBaseUrl: null, BotToken: null, simulator);
    }

    /// <summary>Gives the bot <c>Telegram__BotToken</c> and <c>Telegram__ApiBaseUrl</c>; with the simulator, it also waits for it.</summary>
    public static IResourceBuilder<ProjectResource> WithTelegram(this IResourceBuilder<ProjectResource> bot, TelegramConnection telegram)
    {
        foreach (var key in PassedThrough)
        {
            if (bot.ApplicationBuilder.Configuration[key] is { Length: > 0 } value)
            {
                bot.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        if (telegram.Simulator is { } simulator)
        {
            return bot
                .WithEnvironment("Telegram__ApiBaseUrl", simulator.GetEndpoint("http"))
                .WithEnvironment("Telegram__BotToken", SimulatorToken)
                .WaitFor(simulator);
        }

        bot.WithEnvironment("Telegram__BotToken", telegram.BotToken!);
        return telegram.ApiBaseUrl is { Length: > 0 } baseUrl ? bot.WithEnvironment("Telegram__ApiBaseUrl", baseUrl) : bot;
    }
}
