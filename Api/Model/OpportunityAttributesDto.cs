using DMarketAspire.Data.Domain;

namespace DMarketAspire.Api.Model;

/// <summary>
/// What the offered item is: CS2 exterior, float, paint seed, Doppler phase, StatTrak™/Souvenir, category, stickers;
/// Dota 2 hero, quality, rarity; TF2 quality, killstreak, craftable; Rust category; trade lock days. Null where the
/// game has no such attribute or DMarket did not say.
/// </summary>
public sealed record OpportunityAttributesDto(
    string? Exterior,
    double? FloatValue,
    int? PaintSeed,
    string? Phase,
    bool StatTrak,
    bool Souvenir,
    string? Category,
    int? Stickers,
    string? Hero,
    string? Quality,
    string? Rarity,
    string? Killstreak,
    bool? Craftable,
    int TradeLockDays)
{
    public static OpportunityAttributesDto From(OpportunityAttributes a) => new(
        a.Exterior, a.FloatValue, a.PaintSeed, a.Phase, a.StatTrak, a.Souvenir, a.Category, a.Stickers, a.Hero, a.Quality, a.Rarity, a.Killstreak, a.Craftable, a.TradeLockDays);
}
