namespace DMarketAspire.BotService.Telegram;

/// <summary>The bot's own username (from <c>getMe</c>), so <c>/cmd@OtherBot</c> in a group is left to the other bot.</summary>
public sealed class BotIdentity
{
    public string? Username { get; set; }
}
