using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.TelegramSimulator;

public sealed class TelegramSimulatorOptions
{
    public const string SectionName = "TelegramSimulator";

    /// <summary>A made-up token in Telegram's format, so a bot with no real token has one to use.</summary>
    public const string DemoToken = "7000000001:SIMULATOR-demo-token-for-dmarket-aspire";

    /// <summary>The one token this simulator answers to; another well-formed token gets 401, as at Telegram.</summary>
    [Required, RegularExpression(@"^\d{1,20}:[A-Za-z0-9_-]{20,}$")]
    public string BotToken { get; set; } = DemoToken;

    [Required]
    public string BotUsername { get; set; } = "dmarket_aspire_bot";

    [Required]
    public string BotName { get; set; } = "DMarket Aspire";

    /// <summary>Telegram's bulk limit: about 30 messages a second across chats (any rolling second here).</summary>
    [Range(1, 10_000)]
    public int GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>One message a second per chat, with short bursts tolerated: a bucket this deep, refilled once a second.</summary>
    [Range(1, 100)]
    public int ChatBurst { get; set; } = 3;

    [Range(0.01, 100)]
    public double ChatMessagesPerSecond { get; set; } = 1;

    /// <summary>getUpdates holds a poll at most this long, whatever timeout it asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxLongPoll { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>Webhook delivery backs off from this after a non-2xx answer, doubling up to <see cref="WebhookMaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an unanswered callback query can still be answered (Telegram: "query is too old" after a while).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CallbackQueryLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
