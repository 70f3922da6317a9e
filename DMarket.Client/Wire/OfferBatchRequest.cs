namespace DMarketAspire.DMarket.Client.Wire;

/// <summary>v2 <c>offers:batchCreate|batchUpdate|batchDelete</c>: <c>{"requests":[...]}</c>, prices as integer cents.</summary>
internal sealed record OfferBatchRequest<T>(IReadOnlyList<T> Requests)
{
}

internal sealed record CreateOfferEntry(string AssetId, long PriceCents);

internal sealed record UpdateOfferEntry(string OfferId, long PriceCents);

internal sealed record DeleteOfferEntry(string OfferId);
