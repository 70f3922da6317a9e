using System.Collections.Concurrent;
using DMarketAspire.BotService.Notifications;

namespace DMarketAspire.BotService.Telegram;

/// <summary>
/// Paces every message this replica sends: evenly spaced under the overall limit (so no rolling second holds more
/// than Telegram's ~30), a per-chat interval for notifications, and one pause for everyone when Telegram says
/// <c>retry_after</c> (a 429 means the whole bot is over, not one chat).
/// </summary>
public sealed class TelegramSendGate(IOptions<NotificationOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastSentToChat = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Waits for this message's turn under the overall limit (and any pause).</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slot = Max(Max(now, _nextSlot), _pausedUntil);
            _nextSlot = slot + TimeSpan.FromSeconds(1 / options.Value.GlobalMessagesPerSecond);
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>How long until a notification may go to this chat (zero: now).</summary>
    public TimeSpan ChatWait(long chatId)
    {
        if (!_lastSentToChat.TryGetValue(chatId, out var last))
        {
            return TimeSpan.Zero;
        }

        var wait = last + options.Value.ChatInterval - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Sent(long chatId) => _lastSentToChat[chatId] = time.GetUtcNow();

    public void Pause(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter + options.Value.RetryAfterSlack;
            _pausedUntil = Max(_pausedUntil, until);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
