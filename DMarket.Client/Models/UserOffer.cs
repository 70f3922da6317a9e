namespace DMarketAspire.DMarket.Client.Models;

/// <summary>One of the account's own listings (v2 <c>user/offers</c>).</summary>
public sealed record UserOffer(string OfferId, string? AssetId, string GameId, string Title, long PriceCents, DateTimeOffset CreatedAt);
