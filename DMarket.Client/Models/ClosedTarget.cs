namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A buy order that was filled (or reverted): what was bought, for how much, when.</summary>
public sealed record ClosedTarget(string TargetId, string OfferId, string AssetId, string Title, long PriceCents, string Status, DateTimeOffset ClosedAt);
