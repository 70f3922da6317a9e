using DMarketAspire.DMarket.Client.Attributes;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary>Gathers each endpoint family's attribute fields into one shape for <see cref="ItemAttributesReader"/>.</summary>
internal static class WireAttributes
{
    private const long SecondsPerDay = 86_400;

    public static RawAttributes From(MarketItemsResponse.ItemExtra e) => new(
        e.Exterior, e.FloatValue, e.PaintSeed, e.Phase, e.Category, e.ItemType, e.CategoryPath, e.Stickers?.Count,
        e.Hero, e.Quality, e.Rarity, e.Killstreak, e.Craftable,
        e.TradeLock ?? (e.TradeLockDuration is { } seconds ? (int)((seconds + SecondsPerDay - 1) / SecondsPerDay) : null));

    public static RawAttributes From(OffersV2Response.ItemAttributes? a)
    {
        if (a is null)
        {
            return new RawAttributes();
        }

        var cs2 = a.Cs2 ?? a.Cs2Attributes;
        return new RawAttributes(
            cs2?.Exterior, cs2?.FloatValue, cs2?.PaintSeed, cs2?.Phase, cs2?.Category, a.Rust?.Category, a.CategoryPath, cs2?.Stickers?.Count,
            a.Dota2?.Hero, a.Dota2?.Quality ?? a.Tf2?.Quality, a.Dota2?.Rarity, a.Tf2?.Killstreak, a.Tf2?.Craftable,
            a.TradeLockDays);
    }
}
