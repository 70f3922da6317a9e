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

    public string? Exterior { get; init; }

    public double? FloatValue { get; init; }

    public int? PaintSeed { get; init; }

    public string CategoryPath { get; init; } = string.Empty;

    /// <summary>When the current price was set: simulated buyers wait from here.</summary>
    public DateTimeOffset PricedAt { get; set; }

    /// <summary>Null for the market's other traders.</summary>
    public string? SellerAccountId { get; init; }
}
