using DMarketAspire.TelegramSimulator.BotApi;

namespace DMarketAspire.TelegramSimulator.Limits;

/// <summary>
/// Telegram's flood limits on sending: about 30 messages in any second across chats, and about one a second per chat
/// with short bursts (a bucket <see cref="TelegramSimulatorOptions.ChatBurst"/> deep). Over either: 429 with
/// <c>retry_after</c>, and the message is not sent.
/// </summary>
public sealed class FloodControl(IOptions<TelegramSimulatorOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, (double Tokens, DateTimeOffset At)> _chats = [];

    public void Admit(long chatId)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromSeconds(1))
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= settings.GlobalMessagesPerSecond)
            {
                throw TooMany(1);
            }

            var (tokens, at) = _chats.GetValueOrDefault(chatId, (settings.ChatBurst, now));
            tokens = Math.Min(settings.ChatBurst, tokens + (now - at).TotalSeconds * settings.ChatMessagesPerSecond);
            if (tokens < 1)
            {
                _chats[chatId] = (tokens, now);
                throw TooMany((int)Math.Ceiling((1 - tokens) / settings.ChatMessagesPerSecond));
            }

            _chats[chatId] = (tokens - 1, now);
            _recent.Enqueue(now);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _recent.Clear();
            _chats.Clear();
        }
    }

    private static BotApiException TooMany(int seconds) => new(429, $"Too Many Requests: retry after {Math.Max(1, seconds)}", Math.Max(1, seconds), Control.CallKind.Flood);
}
