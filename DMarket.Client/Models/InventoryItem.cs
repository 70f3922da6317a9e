namespace DMarketAspire.DMarket.Client.Models;

/// <summary>
/// An item the account holds (v2 <c>user/inventory</c>). <see cref="InMarket"/> false: still in Steam. A trade lock
/// keeps it from leaving DMarket, not from being listed there.
/// </summary>
public sealed record InventoryItem(
    string AssetId,
    string GameId,
    string Title,
    bool InMarket,
    DateTimeOffset? TradeLockUntil,
    long? SuggestedPriceCents,
    DateTimeOffset CreatedAt);
