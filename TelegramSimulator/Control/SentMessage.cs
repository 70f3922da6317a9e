namespace DMarketAspire.TelegramSimulator.Control;

/// <summary>A message the simulator accepted from the bot and showed the user (or an edit of one).</summary>
public sealed record SentMessage(string Method, long ChatId, int MessageId, string Text, bool Silent, DateTimeOffset At);
