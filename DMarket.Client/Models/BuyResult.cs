namespace DMarketAspire.DMarket.Client.Models;

/// <summary>The outcome of <c>offers-buy</c>. TxFailed comes in a 200, with the reason in <see cref="FailReasonCode"/>.</summary>
public sealed record BuyResult(string? OrderId, string Status, string? TxId, string? FailReasonCode)
{
    public bool Succeeded => Status is "TxSuccess" or "TxPending";
}
