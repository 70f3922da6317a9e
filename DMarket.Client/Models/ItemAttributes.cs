namespace DMarketAspire.DMarket.Client.Models;

/// <summary>
/// What a listed item is, beyond its title, in the words traders filter by: CS2 exterior, float, paint seed, Doppler
/// phase, StatTrak™/Souvenir, category (knife, gloves, rifle…) and sticker count; Dota 2 hero, quality and rarity; TF2
/// quality, killstreak tier and craftability; Rust category; trade lock days for every game. Names are canonical
/// (<see cref="Attributes.ItemVocabulary"/>), whatever spelling DMarket's endpoint used.
/// </summary>
public sealed record ItemAttributes
{
    public static readonly ItemAttributes None = new();

    /// <summary>"Factory New" … "Battle-Scarred".</summary>
    public string? Exterior { get; init; }

    /// <summary>The wear, 0–1; not money, so a double.</summary>
    public double? FloatValue { get; init; }

    public int? PaintSeed { get; init; }

    /// <summary>"Phase 1" … "Phase 4", "Ruby", "Sapphire", "Black Pearl", "Emerald": Doppler finishes only.</summary>
    public string? Phase { get; init; }

    public bool StatTrak { get; init; }

    public bool Souvenir { get; init; }

    /// <summary>CS2: knife, gloves, rifle…; Rust: weapon, clothing…; lowercase.</summary>
    public string? Category { get; init; }

    public int? Stickers { get; init; }

    public string? Hero { get; init; }

    /// <summary>Dota 2 (Inscribed, Genuine…) or TF2 (Strange, Unusual…).</summary>
    public string? Quality { get; init; }

    public string? Rarity { get; init; }

    /// <summary>TF2: "Killstreak", "Specialized Killstreak" or "Professional Killstreak"; null for none.</summary>
    public string? Killstreak { get; init; }

    /// <summary>TF2 only; null where the game has no such notion.</summary>
    public bool? Craftable { get; init; }

    /// <summary>Days until the item may leave DMarket (it can still be bought and resold there).</summary>
    public int TradeLockDays { get; init; }
}
