using DMarketAspire.BotService.Notifications;

namespace DMarketAspire.BotService.Telegram;

/// <summary>
/// Paces every message this replica sends: at most <see cref="NotificationOptions.GlobalMessagesPerSecond"/> in any
/// rolling second (a sliding log, so a reply at a quiet moment waits for nothing, and a burst never puts more than
/// Telegram's ~30 into one second); one pace per chat for everything sent to it (<see cref="ChatAllowance"/>), where
/// replies come first and notifications take only what leaves <see cref="NotificationOptions.ChatReplyReserve"/> for
/// them; and one pause for everyone when Telegram says <c>retry_after</c> (a 429 means the whole bot is over).
/// </summary>
public sealed class TelegramSendGate(IOptions<NotificationOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    // Chats whose allowance is full are forgotten once this many are tracked, so memory follows the active chats.
    private const int TrackedChatsBeforePruning = 4096;
    private readonly Dictionary<long, ChatAllowance> _chats = [];
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

    /// <summary>
    /// Waits until a reply may go to this chat, and takes its place in the chat's pace; then the overall turn. Replies
    /// to one chat wait for each other (Telegram counts them all), never for another chat's.
    /// </summary>
    public async Task WaitReplyTurnAsync(long chatId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        lock (_lock)
        {
            Allowance(chatId, time.GetUtcNow()).RepliesWaiting++;
        }

        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    var chat = Allowance(chatId, now);
                    if (chat.Available(now, settings.ChatBurst, settings.ChatMessagesPerSecond) >= 1)
                    {
                        chat.Take(now);
                        break;
                    }

                    wait = chat.Until(1, settings.ChatMessagesPerSecond);
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            lock (_lock)
            {
                Allowance(chatId, time.GetUtcNow()).RepliesWaiting--;
            }
        }

        await WaitTurnAsync(cancellationToken);
    }

    /// <summary>
    /// Takes this chat's turn for a notification if it may have one now: no reply waiting for the chat, the reserve for
    /// replies left untouched, and <see cref="NotificationOptions.ChatInterval"/> since the chat's last message. Else
    /// false, with how long until it may look again; the caller serves other chats meanwhile.
    /// </summary>
    public bool TryTakeNotificationTurn(long chatId, out TimeSpan wait)
    {
        var settings = options.Value;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            PruneIdleChats(now);
            var chat = Allowance(chatId, now);
            var wanted = 1 + settings.ChatReplyReserve;
            var available = chat.Available(now, settings.ChatBurst, settings.ChatMessagesPerSecond);
            var interval = chat.LastSent + settings.ChatInterval - now;
            if (chat.RepliesWaiting > 0)
            {
                // The user is being answered: look again once the reply could have gone.
                wait = TimeSpan.FromSeconds(1 / settings.ChatMessagesPerSecond);
                return false;
            }

            if (available < wanted || interval > TimeSpan.Zero)
            {
                var refill = chat.Until(wanted, settings.ChatMessagesPerSecond);
                wait = refill > interval ? refill : interval;
                return false;
            }

            chat.Take(now);
            wait = TimeSpan.Zero;
            return true;
        }
    }

    public void Pause(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter + options.Value.RetryAfterSlack;
            _pausedUntil = Max(_pausedUntil, until);
        }
    }

    private ChatAllowance Allowance(long chatId, DateTimeOffset now)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = new ChatAllowance(options.Value.ChatBurst, now);
            _chats[chatId] = chat;
        }

        return chat;
    }

    private void PruneIdleChats(DateTimeOffset now)
    {
        if (_chats.Count < TrackedChatsBeforePruning)
        {
            return;
        }

        var settings = options.Value;
        foreach (var (chatId, chat) in _chats)
        {
            if (chat.Idle(now, settings.ChatBurst, settings.ChatMessagesPerSecond))
            {
                _chats.Remove(chatId);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
