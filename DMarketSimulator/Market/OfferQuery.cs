namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A listing search; price bounds are inclusive cents, 0 or null meaning unbounded.</summary>
public sealed record OfferQuery(string GameId, int Limit)
{
    public long? PriceFromCents { get; init; }

    public long? PriceToCents { get; init; }

    public string? Title { get; init; }

    public string? OrderBy { get; init; }

    public string? OrderDir { get; init; }

    public string? Cursor { get; init; }
}
