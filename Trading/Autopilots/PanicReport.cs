namespace DMarketAspire.Trading.Autopilots;

/// <summary>What <c>/panic</c> did: stopped, buy orders cancelled, listings taken down, items offered at the best bid, and what it could not.</summary>
public sealed record PanicReport(
    PanicChoice Choice,
    bool Stopped,
    bool KeysConnected,
    int TargetsCancelled,
    int TargetsNotCancelled,
    int Delisted,
    IReadOnlyList<PanicItem> OfferedAtBid,
    IReadOnlyList<PanicItem> NotDone);
