namespace DMarketAspire.TelegramSimulator.Control;

public static class CallKind
{
    /// <summary>The bot broke a Bot API rule (text length, entities, button data, unknown chat...).</summary>
    public const string Validation = "validation";

    /// <summary>Telegram's flood limits (429), reached by the bot's own pace.</summary>
    public const string Flood = "flood";

    /// <summary>An edit that changes nothing ("message is not modified"): benign, as after a double tap.</summary>
    public const string NotModified = "not-modified";

    /// <summary>A failure injected through the control API.</summary>
    public const string Injected = "injected";

    /// <summary>Anything else the bot could not have avoided (blocked user, conflicting polls).</summary>
    public const string Other = "other";
}
