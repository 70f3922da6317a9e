using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>A title as last seen: order book (null <see cref="BookAt"/>: never read), DMarket's suggested price, cheapest listing.</summary>
public sealed record TitleMemory(OrderBook Book, DateTimeOffset? BookAt, long? SuggestedCents, long? CheapestCents);
