namespace DMarketAspire.DMarketSimulator.RateLimiting;

public sealed record RateDecision(bool Allowed, int Limit, int Remaining);
