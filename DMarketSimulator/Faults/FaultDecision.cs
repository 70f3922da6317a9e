namespace DMarketAspire.DMarketSimulator.Faults;

/// <summary>What to do to one request: a fault instead of (or after) its effect, and delays before and after it.</summary>
public sealed record FaultDecision(FaultKind Kind, TimeSpan Latency, TimeSpan AnswerDelay, int Status)
{
    public static FaultDecision None { get; } = new(FaultKind.None, TimeSpan.Zero, TimeSpan.Zero, 500);
}
