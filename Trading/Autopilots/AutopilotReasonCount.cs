using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>How many of today's decisions came out one way for one reason.</summary>
public sealed record AutopilotReasonCount(AutopilotOutcome Outcome, string? Reason, int Count);
