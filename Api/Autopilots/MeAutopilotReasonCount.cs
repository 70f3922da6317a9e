namespace DMarketAspire.Api.Autopilots;

/// <summary>How many of today's decisions had one outcome for one reason (bought; skipped: daily_spend…).</summary>
public sealed record MeAutopilotReasonCount(string Outcome, string? Reason, int Count);
