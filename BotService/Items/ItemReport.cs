namespace DMarketAspire.BotService.Items;

/// <summary>What <c>/item</c> shows of a title: its latest order book, recent sales, trends and fee, in cents.</summary>
public sealed record ItemReport(
    long ItemId,
    string GameId,
    string Title,
    long? BestOfferCents,
    long OfferCount,
    long? BestBuyOrderCents,
    long BuyOrderCount,
    DateTimeOffset? PricesAt,
    IReadOnlyList<(DateTimeOffset At, long PriceCents)> Sales,
    IReadOnlyList<(DateTimeOffset At, long? BestOfferCents, long? BestBuyOrderCents)> Snapshots,
    decimal? Trend7DaysPercent,
    decimal? Trend30DaysPercent,
    decimal FeePercent);
