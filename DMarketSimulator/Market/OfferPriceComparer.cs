namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>Price, then offer id: the market's default order, and a total order for keyset paging.</summary>
internal sealed class OfferPriceComparer : IComparer<Offer>
{
    public static readonly OfferPriceComparer Instance = new();

    public int Compare(Offer? x, Offer? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var c = x!.PriceCents.CompareTo(y!.PriceCents);
        return c != 0 ? c : string.CompareOrdinal(x.OfferId, y.OfferId);
    }
}
