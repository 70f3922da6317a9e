namespace DMarketAspire.DMarketSimulator.Faults;

public enum FaultKind
{
    None,
    ServerError,
    RateLimited,
    Malformed,
    LoseAnswer,
}
