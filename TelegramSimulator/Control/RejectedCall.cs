namespace DMarketAspire.TelegramSimulator.Control;

/// <summary>A Bot API call the simulator refused: <see cref="Kind"/> says whose doing it was.</summary>
public sealed record RejectedCall(string Method, long? ChatId, int ErrorCode, string Description, string Kind, DateTimeOffset At);
