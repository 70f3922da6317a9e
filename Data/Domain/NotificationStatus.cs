namespace DMarketAspire.Data.Domain;

public enum NotificationStatus
{
    /// <summary>Waiting to be sent (at <see cref="Notification.NextAttemptAt"/>, or with the user's next digest).</summary>
    Pending,

    /// <summary>Claimed by the sender right before its one <c>sendMessage</c>; the outcome is being recorded.</summary>
    Sending,

    Sent,

    /// <summary>Not sent on purpose: daily cap, per-item cooldown, the user blocked the bot.</summary>
    Skipped,

    /// <summary>Telegram refused it for good (400, or attempts exhausted).</summary>
    Failed,

    /// <summary>
    /// The sender died, or lost its answer, between claiming and recording: Telegram may or may not have shown it.
    /// Never sent again, so the user never sees it twice.
    /// </summary>
    Unconfirmed,
}
