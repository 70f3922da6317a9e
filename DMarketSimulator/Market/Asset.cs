using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>An item an account holds on DMarket: bought, or a filled buy order. DMarket keeps the asset id across owners.</summary>
public sealed class Asset
{
    public required string AssetId { get; init; }

    public required string GameId { get; init; }

    public required string Title { get; init; }

    public string CategoryPath { get; init; } = string.Empty;

    /// <summary>What this copy is: exterior, float, phase, hero, quality, trade lock…</summary>
    public ItemAttributes Attributes { get; init; } = ItemAttributes.None;

    public required DateTimeOffset AcquiredAt { get; init; }

    /// <summary>Until then the item cannot leave DMarket (trade protection after a purchase).</summary>
    public DateTimeOffset? TradeLockUntil { get; init; }

    /// <summary>Until then DMarket refuses to list it (a Steam trade lock on an item just deposited).</summary>
    public DateTimeOffset? ListingLockedUntil { get; init; }

    /// <summary>The account's listing of it, while listed.</summary>
    public string? OfferId { get; set; }

    public static Asset From(Offer offer, DateTimeOffset now, TimeSpan tradeLock) => new()
    {
        AssetId = offer.AssetId,
        GameId = offer.GameId,
        Title = offer.Title,
        CategoryPath = offer.CategoryPath,
        Attributes = offer.Attributes,
        AcquiredAt = now,
        TradeLockUntil = tradeLock > TimeSpan.Zero ? now + tradeLock : null,
    };
}
