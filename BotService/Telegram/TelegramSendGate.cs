using System.Collections.Concurrent;
using DMarketAspire.BotService.Notifications;

namespace DMarketAspire.BotService.Telegram;

/// <summary>
/// Paces every message this replica sends: at most <see cref="NotificationOptions.GlobalMessagesPerSecond"/> in any
/// rolling second (a sliding log, so a reply at a quiet moment waits for nothing, and a burst never puts more than
/// Telegram's ~30 into one second), a per-chat interval for notifications, and one pause for everyone when Telegram
/// says <c>retry_after</c> (a 429 means the whole bot is over, not one chat).
/// </summary>
public sealed class TelegramSendGate(IOptions<NotificationOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastSentToChat = new();
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _granted = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Waits for this message's turn under the overall limit (and any pause).</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var limit = (int)Math.Max(1, Math.Floor(options.Value.GlobalMessagesPerSecond));
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_granted.Count > 0 && now - _granted.Peek() >= Window)
                {
                    _granted.Dequeue();
                }

                wait = _pausedUntil > now ? _pausedUntil - now : _granted.Count >= limit ? _granted.Peek() + Window - now : TimeSpan.Zero;
                if (wait <= TimeSpan.Zero)
                {
                    _granted.Enqueue(now);
                    return;
                }
            }

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
