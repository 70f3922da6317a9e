namespace DMarketAspire.Scanner.Scanning;

/// <summary>What one scan changed; <see cref="LastEventId"/> is the newest outbox event it wrote (0 when none).</summary>
public sealed record OpportunityChanges(IReadOnlyList<long> FoundIds, int Updated, int Gone, int Active, long LastEventId);
