using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.Pricing;

/// <summary>Bound from the <c>Pricing</c> section. Defaults: the five levels and blacklist of the product spec.</summary>
public sealed class PricingOptions
{
    public const string SectionName = "Pricing";

    /// <summary>boost $0.50–3 (1%), standard $3–10 (5%), medium $10–30 (5%), advanced $30–100 (10%), pro $100–1000 (20%).</summary>
    public static readonly IReadOnlyList<ScanLevel> DefaultLevels =
    [
        new("boost", 50, 300, 1m),
        new("standard", 300, 1_000, 5m),
        new("medium", 1_000, 3_000, 5m),
        new("advanced", 3_000, 10_000, 10m),
        new("pro", 10_000, 100_000, 20m),
    ];

    public static readonly IReadOnlyList<string> DefaultBlacklistWords = ["sticker", "graffiti", "case", "key", "pin", "patch", "music kit", "capsule", "pass"];

    // The configuration binder appends to a list that already holds values, so these start empty and
    // "empty" means the defaults above; configured levels or words replace the defaults entirely.
    public List<ScanLevel> Levels { get; set; } = [];

    /// <summary>Items that are not skins (see <see cref="Blacklist"/> for how they match).</summary>
    public List<string> BlacklistWords { get; set; } = [];

    public IReadOnlyList<ScanLevel> EffectiveLevels => Levels.Count > 0 ? Levels : DefaultLevels;

    public IReadOnlyList<string> EffectiveBlacklistWords => BlacklistWords.Count > 0 ? BlacklistWords : DefaultBlacklistWords;

    /// <summary>Skip a buy priced above this multiple of the title's 7-day average sale (a trap or a data error).</summary>
    [Range(1.0, 100.0)]
    public decimal SanityMultiplier { get; set; } = 1.5m;

    /// <summary>How many of the most recent sales the resale estimate uses.</summary>
    [Range(3, 100)]
    public int SalesWindow { get; set; } = 20;

    /// <summary>Sales further than this many median absolute deviations from the median are outliers.</summary>
    [Range(1.0, 20.0)]
    public double OutlierDeviations { get; set; } = 3.0;

    /// <summary>Fewer sales than this and the median is not trusted (the best buy order alone can still price it).</summary>
    [Range(1, 100)]
    public int MinSales { get; set; } = 3;

    [Range(0, 100)]
    public int MinLiquidity { get; set; }

    [Range(0, long.MaxValue)]
    public long MinProfitCents { get; set; } = 1;

    /// <summary>DMarket's default seller fee, used when no fee table could be read.</summary>
    [Range(0.0, 1.0)]
    public decimal FallbackFeeFraction { get; set; } = 0.10m;
}
