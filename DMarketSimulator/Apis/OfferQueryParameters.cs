using DMarketAspire.DMarketSimulator.Market;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.DMarketSimulator.Apis;

/// <summary>The listing search parameters that the exchange market and the v2 storefront share.</summary>
public sealed record OfferQueryParameters(
    [FromQuery] string? GameId,
    [FromQuery] int? Limit,
    [FromQuery] string? Cursor,
    [FromQuery] string? Title,
    [FromQuery] string? OrderBy,
    [FromQuery] string? OrderDir,
    [FromQuery] long? PriceFrom,
    [FromQuery] long? PriceTo)
{
    public OfferQuery ToQuery(int defaultLimit) => new(GameId!, Limit ?? defaultLimit)
    {
        Cursor = Cursor,
        Title = Title,
        OrderBy = OrderBy,
        OrderDir = OrderDir,
        PriceFromCents = PriceFrom,
        PriceToCents = PriceTo,
    };
}
