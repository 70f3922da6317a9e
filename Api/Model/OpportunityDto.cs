using DMarketAspire.Data.Domain;

namespace DMarketAspire.Api.Model;

/// <summary>An opportunity as the Api shows it. Money is in cents (1250 = $12.50); fee and profit percentages as decimals.</summary>
public sealed record OpportunityDto(
    long Id,
    string OfferId,
    string GameId,
    string Level,
    string Title,
    long BuyPriceCents,
    long ResaleCents,
    decimal FeePercent,
    long ProfitCents,
    decimal ProfitPercent,
    int Liquidity,
    long? BestBuyOrderCents,
    string Status,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? GoneAt,
    string? GoneReason,
    OpportunityAttributesDto Attributes)
{
    public static OpportunityDto From(Opportunity o) => new(
        o.Id, o.OfferId, o.GameId, o.Level, o.Title, o.BuyPriceCents, o.ResaleCents, o.FeeFraction * 100, o.ProfitCents, o.ProfitPercent,
        o.Liquidity, o.BestBuyOrderCents, o.Status.ToString(), o.FirstSeenAt, o.LastSeenAt, o.GoneAt, o.GoneReason,
        OpportunityAttributesDto.From(o.Attributes));
}
