namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A listing of the account's that sold, with the fee DMarket actually charged (v1 <c>user-offers/closed</c>).</summary>
public sealed record ClosedOffer(string OfferId, string? AssetId, string Title, long PriceCents, long? FeeCents, DateTimeOffset ClosedAt, string Status);
