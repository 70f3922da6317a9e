namespace DMarketAspire.Api.Trading;

/// <summary>
/// Buy a listing now at its exact price. <see cref="RequestKey"/> is the caller's idempotency key: sending the same
/// key again returns the first buy and sends nothing.
/// </summary>
public sealed record NewBuy(string? OfferId, string? RequestKey);
