using DMarketAspire.Data.Domain;

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
    int Limit)
{
    /// <summary>The cache key: every field that changes the answer.</summary>
    public string Key => $"{GameId}|{Level}|{MinProfitPercent}|{MinProfitCents}|{MinLiquidity}|{Status}|{Sort}|{After?.Encode()}|{Limit}";
}
