namespace DMarketAspire.TelegramSimulator.Control;

/// <summary>What the bot did to the simulator: calls per method and second, every accepted message, every refusal.</summary>
public sealed class SimulatorStats(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<long, Dictionary<string, int>> _sentPerSecond = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<RejectedCall> _rejected = [];

    public void Call(string method)
    {
        lock (_lock)
        {
            _calls[method] = _calls.GetValueOrDefault(method) + 1;
        }
    }

    public void Sent(string method, long chatId, int messageId, string text, bool silent)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _sent.Add(new SentMessage(method, chatId, messageId, text, silent, now));
            var second = now.ToUnixTimeSeconds();
            if (!_sentPerSecond.TryGetValue(second, out var counts))
            {
                _sentPerSecond[second] = counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            }

            counts[method] = counts.GetValueOrDefault(method) + 1;
        }
    }

    public void Rejected(string method, long? chatId, int errorCode, string description, string kind)
    {
        lock (_lock)
        {
            _rejected.Add(new RejectedCall(method, chatId, errorCode, description, kind, time.GetUtcNow()));
        }
    }

    public IReadOnlyList<SentMessage> SentMessages(long? chatId)
    {
        lock (_lock)
        {
            return [.. _sent.Where(s => chatId is null || s.ChatId == chatId)];
        }
    }

    public IReadOnlyList<RejectedCall> Rejections()
    {
        lock (_lock)
        {
            return [.. _rejected];
        }
    }

    public object Snapshot()
    {
        lock (_lock)
        {
            return new
            {
                calls = new Dictionary<string, int>(_calls),
                sent = _sent.Count,
                rejected = _rejected.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()),
                sentPerSecond = _sentPerSecond.Select(p => new { second = p.Key, methods = p.Value, total = p.Value.Values.Sum() }).ToList(),
                maxSentPerSecond = _sentPerSecond.Count == 0 ? 0 : _sentPerSecond.Values.Max(m => m.Values.Sum()),
            };
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _calls.Clear();
            _sentPerSecond.Clear();
            _sent.Clear();
            _rejected.Clear();
        }
    }
}
