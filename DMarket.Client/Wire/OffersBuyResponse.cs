namespace DMarketAspire.DMarket.Client.Wire;

internal sealed record OffersBuyResponse(string? OrderId, string? Status, string? TxId, OffersBuyResponse.FailReason? DmOffersFailReason)
{
    internal sealed record FailReason(string? Code);
}
