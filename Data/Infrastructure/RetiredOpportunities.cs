namespace DMarketAspire.Data.Infrastructure;

/// <summary>The opportunities a retirement turned Gone (those already gone are not among them) and the last outbox event it wrote (0: none).</summary>
public sealed record RetiredOpportunities(IReadOnlyList<long> Ids, long LastEventId);
