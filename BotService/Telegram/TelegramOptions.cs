using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace DMarketAspire.BotService.Telegram;

/// <summary>Bound from the <c>Telegram</c> section; checked at start by <see cref="TelegramOptionsValidator"/>.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>From @BotFather; with the Telegram simulator, its demo token (the AppHost passes it).</summary>
    [Required]
    public string BotToken { get; set; } = "";

    /// <summary>Telegram's, a self-hosted Bot API server's, or the simulator's address.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Webhook mode: the public HTTPS address Telegram POSTs to (this service's <c>/telegram/webhook</c>).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: 1–256 of <c>A-Z a-z 0-9 _ -</c>; every POST must carry it in the secret-token header.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Telegram user ids allowed <c>/status</c>, comma-separated.</summary>
    public string Admins { get; set; } = "";

    /// <summary>
    /// Who may use the bot, comma-separated Telegram user ids and @usernames. Unset: everyone. Set: these, the admins
    /// and whoever an admin <c>/allow</c>s; anyone else is refused politely and nothing about them is stored.
    /// </summary>
    public string AllowedUsers { get; set; } = "";

    /// <summary>A stranger is refused once in this long; their further messages get no answer until it passes.</summary>
    public TimeSpan RefusalInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one <c>getUpdates</c> waits for an update.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:40")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>One Bot API call's limit; must exceed <see cref="PollTimeout"/>, so the long poll is never cut short.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>The leader's lease; a standby replica takes over within this after the leader dies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(3);

    [Required]
    public string RedisKeyPrefix { get; set; } = "dmarket:bot:";

    /// <summary>Names this replica in the lease (default: machine, process and a random part).</summary>
    public string? ReplicaId { get; set; }

    public IReadOnlySet<long> AdminIds => Admins
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(id => long.Parse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
        .ToHashSet();

    public bool Restricted => !string.IsNullOrWhiteSpace(AllowedUsers);

    /// <summary>The configured ids and @usernames (lowercase, without the @).</summary>
    public (IReadOnlySet<long> Ids, IReadOnlySet<string> Usernames) Allowed
    {
        get
        {
            var entries = AllowedUsers.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var ids = entries.Where(e => long.TryParse(e, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                .Select(e => long.Parse(e, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToHashSet();
            var names = entries.Where(e => !long.TryParse(e, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                .Select(e => e.TrimStart('@').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            return (ids, names);
        }
    }
}
