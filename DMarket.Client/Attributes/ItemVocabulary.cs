namespace DMarketAspire.DMarket.Client.Attributes;

/// <summary>
/// The closed vocabularies of item attributes: what DMarket sends, what the simulator draws, and what a user may type
/// or press. Lookups accept a value's code, name or DMarket spelling, case-insensitively.
/// </summary>
public static class ItemVocabulary
{
    public static readonly IReadOnlyList<Exterior> Exteriors =
    [
        new("fn", "Factory New", "factory new", 0.00, 0.07),
        new("mw", "Minimal Wear", "minimal wear", 0.07, 0.15),
        new("ft", "Field-Tested", "field-tested", 0.15, 0.38),
        new("ww", "Well-Worn", "well-worn", 0.38, 0.45),
        new("bs", "Battle-Scarred", "battle-scarred", 0.45, 1.00),
    ];

    /// <summary>Doppler and Gamma Doppler finishes only.</summary>
    public static readonly IReadOnlyList<Term> Phases =
    [
        new("p1", "Phase 1", "phase-1"), new("p2", "Phase 2", "phase-2"), new("p3", "Phase 3", "phase-3"), new("p4", "Phase 4", "phase-4"),
        new("ruby", "Ruby", "ruby"), new("sapphire", "Sapphire", "sapphire"), new("bp", "Black Pearl", "black-pearl"), new("emerald", "Emerald", "emerald"),
    ];

    public static readonly IReadOnlyList<Term> Cs2Categories =
    [
        new("knife", "Knife", "knife"), new("gloves", "Gloves", "gloves"), new("rifle", "Rifle", "rifle"), new("sniper", "Sniper Rifle", "sniper rifle"),
        new("pistol", "Pistol", "pistol"), new("smg", "SMG", "smg"), new("shotgun", "Shotgun", "shotgun"), new("mg", "Machinegun", "machinegun"),
    ];

    public static readonly IReadOnlyList<Term> DotaQualities =
    [
        new("standard", "Standard", "standard"), new("inscribed", "Inscribed", "inscribed"), new("genuine", "Genuine", "genuine"),
        new("corrupted", "Corrupted", "corrupted"), new("exalted", "Exalted", "exalted"), new("autographed", "Autographed", "autographed"),
        new("heroic", "Heroic", "heroic"), new("frozen", "Frozen", "frozen"), new("cursed", "Cursed", "cursed"),
    ];

    public static readonly IReadOnlyList<Term> DotaRarities =
    [
        new("common", "Common", "common"), new("uncommon", "Uncommon", "uncommon"), new("rare", "Rare", "rare"), new("mythical", "Mythical", "mythical"),
        new("legendary", "Legendary", "legendary"), new("immortal", "Immortal", "immortal"), new("arcana", "Arcana", "arcana"),
    ];

    public static readonly IReadOnlyList<Term> Tf2Qualities =
    [
        new("unique", "Unique", "unique"), new("strange", "Strange", "strange"), new("vintage", "Vintage", "vintage"), new("genuine", "Genuine", "genuine"),
        new("unusual", "Unusual", "unusual"), new("collectors", "Collector's", "collector's"), new("haunted", "Haunted", "haunted"),
    ];

    /// <summary>Longest first: "Professional Killstreak" must not be read as plain "Killstreak".</summary>
    public static readonly IReadOnlyList<Term> Killstreaks =
    [
        new("pro", "Professional Killstreak", "professional killstreak"), new("spec", "Specialized Killstreak", "specialized killstreak"),
        new("ks", "Killstreak", "killstreak"),
    ];

    public static readonly IReadOnlyList<Term> RustCategories =
    [
        new("weapon", "Weapon", "weapon"), new("clothing", "Clothing", "clothing"), new("armor", "Armor", "armor"),
        new("deployable", "Deployable", "deployable"), new("tool", "Tool", "tool"),
    ];

    public static readonly IReadOnlyList<Term> DotaHeroes = [.. HeroNames.All.Select(n => new Term(Slug(n), n, n.ToLowerInvariant()))];

    public static Exterior? FindExterior(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Exteriors.FirstOrDefault(e => Is(e, text.Trim()));

    /// <summary>The canonical name of <paramref name="text"/> in <paramref name="terms"/>, or null when it is not one.</summary>
    public static Term? Find(IReadOnlyList<Term> terms, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : terms.FirstOrDefault(t => t.Is(text.Trim()) || Slug(t.Name) == Slug(text.Trim()));

    private static bool Is(Exterior e, string text) =>
        text.Equals(e.Code, StringComparison.OrdinalIgnoreCase) || text.Equals(e.Name, StringComparison.OrdinalIgnoreCase) || text.Equals(e.Wire, StringComparison.OrdinalIgnoreCase);

    private static string Slug(string name) =>
        new([.. name.ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c == '-')]);
}
