namespace DMarketAspire.Pricing;

/// <summary>Everything about a title the engine needs, computed once per title per scan and shared by its offers.</summary>
public sealed record TitleContext(string Title, TitleStats Stats, OrderBook Book, bool Blacklisted, int Liquidity)
{
    /// <summary>
    /// What an item of this title resells for: the robust median of recent sales, but never under the best buy order
    /// (anyone can sell into that at once). Null when neither is known. Never the seller's own suggested price.
    /// </summary>
    public long? ResaleCents { get; } = (Stats.MedianCents, Book.BestBuyOrderCents) switch
    {
        ({ } median, { } bid) => Math.Max(median, bid),
        ({ } median, null) => median,
        (null, { } bid) => bid,
        _ => null,
    };
}
