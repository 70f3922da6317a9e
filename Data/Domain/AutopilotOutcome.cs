namespace DMarketAspire.Data.Domain;

/// <summary>What came of one autopilot decision about one opportunity.</summary>
public enum AutopilotOutcome
{
    /// <summary>Planned from the Scanner's outbox; not acted on yet.</summary>
    Pending,

    /// <summary>The buy left for DMarket and its answer was lost: the buy's reconciliation settles it.</summary>
    Sent,

    /// <summary>Bought (live), or filled against the market (paper).</summary>
    Bought,

    /// <summary>Not tried, for the reason given (a limit, the price sanity check, paused, stale).</summary>
    Skipped,

    /// <summary>Tried and not bought, for the reason given (sold before the buy arrived, DMarket refused it).</summary>
    Failed,

    /// <summary>Another user's autopilot took the listing first.</summary>
    Lost,
}
