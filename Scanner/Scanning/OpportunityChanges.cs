namespace DMarketAspire.Scanner.Scanning;

public sealed record OpportunityChanges(IReadOnlyList<long> FoundIds, int Updated, int Gone, int Active);
