namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>The result of offers-buy: all requested offers bought, or none with the first failure's reason.</summary>
public sealed record BuyOutcome(bool Success, string? OrderId, string? TxId, IReadOnlyList<string> OfferIds, string? FailedOfferId, string? FailReason)
{
    public static BuyOutcome Succeeded(string orderId, string txId, IReadOnlyList<string> offerIds) => new(true, orderId, txId, offerIds, null, null);

    public static BuyOutcome Failed(string offerId, string reason) => new(false, null, null, [offerId], offerId, reason);
}
