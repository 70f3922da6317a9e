namespace DMarketAspire.DMarketSimulator.Faults;

/// <summary>Decides, per request, which fault (if any) to inject; counts what it injected.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(7);
    private FaultSettings _settings = new();
    private int _burstLeft;

    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings with { RateLimitBurst = _burstLeft };
            }
        }
    }

    public long Injected { get; private set; }

    public void Set(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            _burstLeft = settings.RateLimitBurst;
        }
    }

    public FaultDecision Next(string path)
    {
        lock (_gate)
        {
            if (_settings.Path is { Length: > 0 } only && !path.StartsWith(only, StringComparison.OrdinalIgnoreCase))
            {
                return FaultDecision.None;
            }

            var latency = TimeSpan.FromMilliseconds(_settings.LatencyMs);
            FaultKind kind;
            if (_burstLeft > 0)
            {
                _burstLeft--;
                kind = FaultKind.RateLimited;
            }
            else if (_settings.ErrorRate > 0 && _random.NextDouble() < _settings.ErrorRate)
            {
                kind = FaultKind.ServerError;
            }
            else if (_settings.MalformedRate > 0 && _random.NextDouble() < _settings.MalformedRate)
            {
                kind = FaultKind.Malformed;
            }
            else if (_settings.LoseAnswerRate > 0 && _random.NextDouble() < _settings.LoseAnswerRate)
            {
                kind = FaultKind.LoseAnswer;
            }
            else
            {
                kind = FaultKind.None;
            }

            if (kind != FaultKind.None)
            {
                Injected++;
            }

            return new FaultDecision(kind, latency, TimeSpan.FromMilliseconds(_settings.AnswerDelayMs), _settings.ErrorStatus);
        }
    }
}
