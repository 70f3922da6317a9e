namespace DMarketAspire.DMarket.Client.Wire;

/// <summary>v2 offer batch answers: <c>offers[{id, assetId}]</c> done, <c>failed[{assetId|offerId, code, message}]</c> not.</summary>
internal sealed record OfferBatchResponse(List<OfferBatchResponse.Done>? Offers, List<OfferBatchResponse.Failure>? Failed)
{
    internal sealed record Done(string Id, string? AssetId);

    internal sealed record Failure(string? AssetId, string? OfferId, string? Code, string? Message);
}
