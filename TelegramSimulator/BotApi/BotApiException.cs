using DMarketAspire.TelegramSimulator.Control;

namespace DMarketAspire.TelegramSimulator.BotApi;

/// <summary>A Bot API error: the HTTP status equals <c>error_code</c>, as at Telegram. <see cref="Kind"/> is for the stats.</summary>
public sealed class BotApiException(int errorCode, string description, int? retryAfter = null, string kind = CallKind.Other) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public int? RetryAfter { get; } = retryAfter;

    public string Kind { get; } = kind;

    public static BotApiException BadRequest(string what) => new(400, $"Bad Request: {what}", kind: CallKind.Validation);
}
