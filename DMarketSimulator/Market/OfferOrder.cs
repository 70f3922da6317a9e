namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>The listing orders the market search takes (<c>orderBy</c>).</summary>
internal enum OfferOrder
{
    Price,
    Title,
    CreatedAt,
}
