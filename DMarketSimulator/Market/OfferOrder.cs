namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>The listing orders the market search takes (<c>orderBy</c>).</summary>
internal enum OfferOrder
{
    Price,
    Title,
    CreatedAt,

    /// <summary>DMarket's <c>best_discount</c>: by how far a listing's price is under the title's suggested price.</summary>
    Discount,
}
