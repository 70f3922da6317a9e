namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A market search. Price bounds are inclusive cents; null means unbounded.</summary>
public sealed record MarketItemsQuery(string GameId)
{
    public const int MaxLimit = 100;

    /// <summary>The <c>orderBy</c> of <c>/exchange/v1/market/items</c> that puts the listings furthest under their suggested price first (with <c>desc</c>).</summary>
    public const string BestDiscount = "best_discount";

    public long? PriceFromCents { get; init; }

    public long? PriceToCents { get; init; }

    public string? Title { get; init; }

    public string OrderBy { get; init; } = "price";

    public string OrderDir { get; init; } = "asc";

    public int Limit { get; init; } = MaxLimit;
}
