namespace DMarketAspire.DMarket.Client.Attributes;

/// <summary>Attributes as one endpoint family spelled them, before <see cref="ItemAttributesReader"/> makes them canonical.</summary>
internal sealed record RawAttributes(
    string? Exterior = null,
    double? FloatValue = null,
    int? PaintSeed = null,
    string? Phase = null,
    string? Category = null,
    string? ItemType = null,
    string? CategoryPath = null,
    int? Stickers = null,
    string? Hero = null,
    string? Quality = null,
    string? Rarity = null,
    string? Killstreak = null,
    bool? Craftable = null,
    int? TradeLockDays = null);
