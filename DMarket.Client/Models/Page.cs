namespace DMarketAspire.DMarket.Client.Models;

/// <summary>One page of a cursor-paged list; a null cursor means the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Cursor, long? Total);
