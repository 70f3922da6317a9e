namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A market search. Price bounds are inclusive cents; null means unbounded.</summary>
public sealed record MarketItemsQuery(string GameId)
{
    public const int MaxLimit = 100;

    public long? PriceFromCents { get; init; }

    public long? PriceToCents { get; init; }

    public string? Title { get; init; }

    public string OrderBy { get; init; } = "price";

    public string OrderDir { get; init; } = "asc";

    public int Limit { get; init; } = MaxLimit;
}
