namespace DMarketAspire.Api.Trading;

/// <summary>A sale of the caller's: price, the fee DMarket charged, cost and profit (null while the cost is unknown). Cents.</summary>
public sealed record MeTrade(long Id, string OfferId, string GameId, string Title, long PriceCents, long FeeCents, long? CostCents, long? ProfitCents, DateTimeOffset ClosedAt);
