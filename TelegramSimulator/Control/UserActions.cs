namespace DMarketAspire.TelegramSimulator.Control;

/// <summary>A user typing in the chat.</summary>
public sealed record UserMessageRequest(string Text, string? FirstName, string? Username, string? LanguageCode);

/// <summary>
/// A user pressing an inline button of one of the bot's messages. <see cref="Force"/> sends data no button shows (a
/// modified client, or a keyboard the bot has since replaced), for tests of the bot's handling of stale and forged data.
/// </summary>
public sealed record ButtonPressRequest(int MessageId, string Data, bool Force = false);

public sealed record UserMessageResult(int MessageId, long UpdateId);

public sealed record ButtonPressResult(string CallbackQueryId, long UpdateId);

public sealed record UserProfile(string? FirstName, string? Username, string? LanguageCode);
