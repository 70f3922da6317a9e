namespace DMarketAspire.Api.Model;

/// <summary>A page of opportunities; pass <see cref="NextCursor"/> back (with the same filters and sort) for the next. Null: the last page.</summary>
public sealed record OpportunityPage(IReadOnlyList<OpportunityDto> Items, string? NextCursor);
