using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.BotService.Notifications;

/// <summary>Bound from the <c>Notifications</c> section: the outbox's pace, retries and per-user limits.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    public static readonly IReadOnlyList<int> DefaultDigestIntervals = [60, 180, 720, 1440];

    /// <summary>All messages, every chat together: a little under Telegram's ~30/s, so a burst never meets its 429.</summary>
    [Range(1, 1000)]
    public double GlobalMessagesPerSecond { get; set; } = 28;

    /// <summary>Between two notifications to one chat (Telegram: about one a second per chat).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ChatInterval { get; set; } = TimeSpan.FromMilliseconds(1050);

    /// <summary>
    /// Messages one chat may get at once, of everything the bot sends it (replies, photos, notifications). Below
    /// Telegram's own tolerance on purpose: a send's arrival at Telegram differs from ours by its latency.
    /// </summary>
    [Range(1, 30)]
    public int ChatBurst { get; set; } = 2;

    /// <summary>How fast one chat's allowance refills: Telegram's about one message a second, a little under it.</summary>
    [Range(0.01, 30)]
    public double ChatMessagesPerSecond { get; set; } = 0.95;

    /// <summary>Of <see cref="ChatBurst"/>, what notifications leave for replies: a user who types gets an answer at once.</summary>
    [Range(0, 29)]
    public int ChatReplyReserve { get; set; } = 1;

    /// <summary>The planner and the sender look for work this often even when no signal arrives.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 10_000)]
    public int EventBatchSize { get; set; } = 500;

    /// <summary>One title notifies a user at most once this often, whatever offers of it appear.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan ItemCooldown { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A new user's cap on notifications per local day.</summary>
    [Range(1, 10_000)]
    public int DefaultDailyCap { get; set; } = 100;

    /// <summary>The digest periods, in minutes, a user can choose from (empty: <see cref="DefaultDigestIntervals"/>).</summary>
    public List<int> DigestIntervals { get; set; } = [];

    public IReadOnlyList<int> EffectiveDigestIntervals => DigestIntervals.Count > 0 ? DigestIntervals : DefaultDigestIntervals;

    /// <summary>A digest lists this many opportunities, best first, and counts the rest.</summary>
    [Range(1, 50)]
    public int DigestMaxItems { get; set; } = 10;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A claim older than this belongs to a sender that died: its row becomes Unconfirmed (never resent).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Added to Telegram's <c>retry_after</c> before sending again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryAfterSlack { get; set; } = TimeSpan.FromMilliseconds(250);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChatReplyReserve >= ChatBurst)
        {
            yield return new ValidationResult($"ChatReplyReserve ({ChatReplyReserve}) must be under ChatBurst ({ChatBurst}), or no notification could ever go.", [nameof(ChatReplyReserve)]);
        }
    }
}
