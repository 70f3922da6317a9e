namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>An item an account holds on DMarket: bought, or a filled buy order. DMarket keeps the asset id across owners.</summary>
public sealed class Asset
{
    public required string AssetId { get; init; }

    public required string GameId { get; init; }

    public required string Title { get; init; }

    public string CategoryPath { get; init; } = string.Empty;

    public string? Exterior { get; init; }

    public double? FloatValue { get; init; }

    public int? PaintSeed { get; init; }

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
        Exterior = offer.Exterior,
        FloatValue = offer.FloatValue,
        PaintSeed = offer.PaintSeed,
        AcquiredAt = now,
        TradeLockUntil = tradeLock > TimeSpan.Zero ? now + tradeLock : null,
    };
}
