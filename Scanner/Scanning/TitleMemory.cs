using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// A title as last seen: order book (null <see cref="BookAt"/>: never read), DMarket's suggested price, cheapest listing,
/// and the median of its sales as last analyzed (this run's sweeps, or an earlier run's sales in PostgreSQL).
/// </summary>
public sealed record TitleMemory(OrderBook Book, DateTimeOffset? BookAt, long? SuggestedCents, long? CheapestCents, long? MedianCents = null);
