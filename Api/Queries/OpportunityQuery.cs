using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Filters;

namespace DMarketAspire.Api.Queries;

/// <summary>A validated opportunities query; money in cents.</summary>
public sealed record OpportunityQuery(
    string? GameId,
    string? Level,
    decimal? MinProfitPercent,
    long? MinProfitCents,
    int? MinLiquidity,
    OpportunityStatus? Status,
    string Sort,
    Cursor? After,
    int Limit,
    ItemFilter Items)
{
    /// <summary>The cache key: every field that changes the answer.</summary>
    public string Key => $"{GameId}|{Level}|{MinProfitPercent}|{MinProfitCents}|{MinLiquidity}|{Status}|{Sort}|{After?.Encode()}|{Limit}|" +
        // The hot read has no item filter: no description to build per request.
        (Items.IsAny ? string.Empty : string.Join(';', ItemFilterInput.Describe(Items).Select(p => p.Key + "=" + p.Value)));
}
