namespace DMarketAspire.Data.Domain;

/// <summary>
/// What the offered item is, as DMarket described it (canonical names: "Factory New", "Phase 2", "Inscribed"); the
/// columns users filter on. Fields a game does not have stay null (false for the two CS2 flags).
/// </summary>
public sealed class OpportunityAttributes
{
    public string? Exterior { get; set; }

    public double? FloatValue { get; set; }

    public int? PaintSeed { get; set; }

    public string? Phase { get; set; }

    public bool StatTrak { get; set; }

    public bool Souvenir { get; set; }

    /// <summary>CS2: knife, gloves, rifle…; Rust: weapon, clothing…; lowercase.</summary>
    public string? Category { get; set; }

    public int? Stickers { get; set; }

    public string? Hero { get; set; }

    public string? Quality { get; set; }

    public string? Rarity { get; set; }

    public string? Killstreak { get; set; }

    public bool? Craftable { get; set; }

    public int TradeLockDays { get; set; }
}
