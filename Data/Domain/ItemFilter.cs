using System.Text.Json.Serialization;

namespace DMarketAspire.Data.Domain;

/// <summary>
/// A user's filter on item attributes, per game: a CS2 constraint never hides a Dota 2 item. Empty lists and nulls
/// mean "any". Values are the vocabulary's canonical names; floats are a range from (inclusive) to (exclusive).
/// </summary>
public sealed record ItemFilter
{
    public static readonly ItemFilter Any = new();

    public string[] Exteriors { get; init; } = [];

    public double? FloatFrom { get; init; }

    public double? FloatTo { get; init; }

    public string[] Phases { get; init; } = [];

    public Presence StatTrak { get; init; }

    public Presence Souvenir { get; init; }

    public Presence Stickers { get; init; }

    public string[] Cs2Categories { get; init; } = [];

    public string[] Heroes { get; init; } = [];

    public string[] DotaQualities { get; init; } = [];

    public string[] DotaRarities { get; init; } = [];

    public string[] Tf2Qualities { get; init; } = [];

    public string[] Killstreaks { get; init; } = [];

    public bool CraftableOnly { get; init; }

    public string[] RustCategories { get; init; } = [];

    public int? MaxTradeLockDays { get; init; }

    /// <summary>Derived, so never stored with the filter.</summary>
    [JsonIgnore]
    public bool IsAny =>
        Exteriors.Length == 0 && FloatFrom is null && FloatTo is null && Phases.Length == 0 && StatTrak == Presence.Any
        && Souvenir == Presence.Any && Stickers == Presence.Any && Cs2Categories.Length == 0 && Heroes.Length == 0
        && DotaQualities.Length == 0 && DotaRarities.Length == 0 && Tf2Qualities.Length == 0 && Killstreaks.Length == 0
        && !CraftableOnly && RustCategories.Length == 0 && MaxTradeLockDays is null;
}
