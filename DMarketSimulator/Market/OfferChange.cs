namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>One entry of a batch create, update or delete: done (with the offer) or failed (with DMarket's code).</summary>
public sealed record OfferChange(string Key, string? OfferId, string? AssetId, string? FailCode, string? FailMessage)
{
    public static OfferChange Done(string key, string offerId, string assetId) => new(key, offerId, assetId, null, null);

    public static OfferChange Failed(string key, string code, string message) => new(key, null, null, code, message);
}
