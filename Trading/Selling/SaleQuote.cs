using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Selling;

/// <summary>
/// What an item would sell for now: the order book (best offer = the competition, best buy order = an instant exit), the
/// median of recent sales, the fee at the proposed price, the break-even after that fee, and the proposed price: a cent
/// under the best offer (else the median), never under break-even when the cost is known.
/// </summary>
public sealed record SaleQuote(
    Position Position,
    long? BestOfferCents,
    long? BestBuyOrderCents,
    long? MedianCents,
    decimal FeeFraction,
    long? BreakEvenCents,
    long? ProposedCents);
