using DMarketAspire.TelegramSimulator.BotApi;

namespace DMarketAspire.TelegramSimulator.Faults;

/// <summary>Applies the injected <see cref="FaultRule"/>s to Bot API calls, the first matching rule winning.</summary>
public sealed class FaultInjector(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<ActiveRule> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_lock)
        {
            _rules.Add(new ActiveRule(rule, rule.Times, rule.Seconds is { } s ? time.GetUtcNow().AddSeconds(s) : null));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<FaultRule> Active()
    {
        lock (_lock)
        {
            Expire();
            return [.. _rules.Select(r => r.Rule)];
        }
    }

    /// <summary>Waits and throws as the first matching rule says; returns when no rule matches.</summary>
    public async Task ApplyAsync(string method, long? chatId, CancellationToken cancellationToken)
    {
        FaultRule? rule = null;
        lock (_lock)
        {
            Expire();
            var active = _rules.FirstOrDefault(r =>
                (r.Rule.Method is null || string.Equals(r.Rule.Method, method, StringComparison.OrdinalIgnoreCase))
                && (r.Rule.ChatId is null || r.Rule.ChatId == chatId));
            if (active is not null)
            {
                rule = active.Rule;
                if (active.Remaining is { } remaining)
                {
                    active.Remaining = remaining - 1;
                }
            }
        }

        if (rule is null)
        {
            return;
        }

        if (rule.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rule.DelayMs), time, cancellationToken);
        }

        if (rule.Status is >= 200 and < 300)
        {
            return;
        }

        throw rule.Status switch
        {
            429 => new BotApiException(429, $"Too Many Requests: retry after {rule.RetryAfter ?? 1}", rule.RetryAfter ?? 1, Control.CallKind.Injected),
            403 => new BotApiException(403, rule.Description ?? "Forbidden: bot was blocked by the user", kind: Control.CallKind.Injected),
            >= 500 => new BotApiException(rule.Status, rule.Description ?? (rule.Status == 502 ? "Bad Gateway" : "Internal Server Error"), kind: Control.CallKind.Injected),
            _ => new BotApiException(rule.Status, rule.Description ?? "Bad Request: injected", kind: Control.CallKind.Injected),
        };
    }

    private void Expire() => _rules.RemoveAll(r => r.Remaining <= 0 || (r.Until is { } until && time.GetUtcNow() >= until));

    private sealed class ActiveRule(FaultRule rule, int? remaining, DateTimeOffset? until)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;

        public DateTimeOffset? Until { get; } = until;
    }
}
