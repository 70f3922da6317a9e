namespace DMarketAspire.Trading.Filters;

/// <summary>What was wrong with a filter value: the key, the offending text, and what would have been accepted.</summary>
public sealed record ItemFilterProblem(ItemFilterProblemKind Kind, string Key, string Value, string Valid);
