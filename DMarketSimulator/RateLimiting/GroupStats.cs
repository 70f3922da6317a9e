namespace DMarketAspire.DMarketSimulator.RateLimiting;

/// <summary>What one rate-limit group saw since the last reset: the figures a pacing test reads.</summary>
public sealed record GroupStats(
    string Group,
    int LimitPerSecond,
    long Accepted,
    long Rejected,
    int MaxAttemptedPerSecond,
    int MaxAcceptedPerSecond,
    long ActiveSeconds);
