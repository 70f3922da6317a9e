namespace DMarketAspire.AppHost.Extensions;

/// <summary>Where the bot reaches Telegram: the Bot API (Telegram's or a self-hosted one) with a real token, or the simulator.</summary>
internal sealed record TelegramConnection(string? ApiBaseUrl, IResourceBuilder<ParameterResource>? BotToken, IResourceBuilder<ProjectResource>? Simulator);
