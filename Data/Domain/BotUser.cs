namespace DMarketAspire.Data.Domain;

/// <summary>
/// A Telegram user of the bot and their filters. The id is Telegram's user id, which is also the private chat's id.
/// Money in cents; empty <see cref="Games"/> or <see cref="Levels"/> mean all of them.
/// </summary>
public sealed class BotUser
{
    public long Id { get; set; }

    public long ChatId { get; set; }

    public required string FirstName { get; set; }

    public string? Username { get; set; }

    /// <summary>"en" or "ru": Telegram's language at <c>/start</c>, then the user's choice.</summary>
    public required string Language { get; set; }

    public string[] Games { get; set; } = [];

    public string[] Levels { get; set; } = [];

    /// <summary>Words (lowercase) whose titles the user never wants, on top of the global blacklist.</summary>
    public string[] SkipWords { get; set; } = [];

    /// <summary>Whitelist mode when not empty: only titles holding one of these words (lowercase).</summary>
    public string[] OnlyWords { get; set; } = [];

    /// <summary>Item attributes per game (exterior, float, phase, hero, quality…); stored as one JSON document.</summary>
    public ItemFilter ItemFilter { get; set; } = ItemFilter.Any;

    public decimal MinProfitPercent { get; set; }

    public long MinProfitCents { get; set; }

    public long? MaxPriceCents { get; set; }

    public int MinLiquidity { get; set; }

    public NotificationMode Mode { get; set; }

    public int DigestIntervalMinutes { get; set; }

    /// <summary>Local hour quiet hours start (inclusive) and end (exclusive); null: none. 23 and 7 span midnight.</summary>
    public int? QuietFromHour { get; set; }

    public int? QuietToHour { get; set; }

    /// <summary>An IANA time zone id (Europe/Moscow), for quiet hours and the daily cap's day.</summary>
    public required string TimeZone { get; set; }

    public int DailyCap { get; set; }

    public bool Paused { get; set; }

    /// <summary>The user blocked the bot (Telegram answered 403): nothing is sent until they write again.</summary>
    public bool Blocked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
