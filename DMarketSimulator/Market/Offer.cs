using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>An item listed for sale.</summary>
public sealed class Offer
{
    public required string OfferId { get; init; }

    public required string AssetId { get; init; }

    public required string GameId { get; init; }

    public required string Title { get; init; }

    public required long PriceCents { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What this copy is: exterior, float, phase, hero, quality, trade lock…</summary>
    public ItemAttributes Attributes { get; init; } = ItemAttributes.None;

    public string CategoryPath { get; init; } = string.Empty;

    /// <summary>When the current price was set: simulated buyers wait from here.</summary>
    public DateTimeOffset PricedAt { get; set; }

    /// <summary>Null for the market's other traders.</summary>
    public string? SellerAccountId { get; init; }

    /// <summary>Left alone by the moving market's random buyers (<see cref="PlantOfferRequest.KeepListed"/>); anyone may still buy it.</summary>
    public bool KeptListed { get; set; }
}
