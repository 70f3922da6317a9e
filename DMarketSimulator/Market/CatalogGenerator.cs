using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>
/// Draws a game's catalogue: distinct realistic titles with fair prices skewed toward cheap items, as on DMarket, each
/// with what its copies share (exterior, StatTrak™/Souvenir, category; hero, quality, rarity; killstreak, craftable).
/// </summary>
internal static class CatalogGenerator
{
    private const long MinFairCents = 10;
    private const long MaxFairCents = 150_000;
    private const double StatTrakShare = 0.15;
    private const double SouvenirShare = 0.05;
    private const double KnifeShare = 0.08;
    private const double GlovesShare = 0.04;
    private const double KillstreakShare = 0.3;
    private const double NonCraftableShare = 0.1;
    private const int VocabularySize = 4000;

    public static List<CatalogItem> Generate(string gameId, int count, Random random)
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        List<CatalogItem> items = [];
        var attempts = 0;
        while (items.Count < count && attempts++ < count * 50)
        {
            var (title, kind) = DrawTitle(gameId, random, attempts);
            if (titles.Add(title))
            {
                items.Add(new CatalogItem(gameId, title, CatalogNames.CategoryPath(gameId, kind.Category), kind, DrawFairPrice(random)));
            }
        }

        return items;
    }

    /// <summary>Log-uniform, squared toward the low end: most items cost a few dollars, a few cost hundreds.</summary>
    public static long DrawFairPrice(Random random)
    {
        var u = random.NextDouble();
        var logMin = Math.Log(MinFairCents);
        var logMax = Math.Log(MaxFairCents);
        return Math.Max(MinFairCents, (long)Math.Round(Math.Exp(logMin + (u * u * (logMax - logMin)))));
    }

    /// <summary>What a title says about its copies, for a planted title the catalogue did not draw.</summary>
    public static ItemAttributes KindOf(string gameId, string title) => gameId switch
    {
        DMarketGames.CounterStrike2 => new ItemAttributes
        {
            Exterior = CatalogNames.Cs2Exteriors.FirstOrDefault(e => title.EndsWith($"({e})", StringComparison.Ordinal)),
            StatTrak = title.Contains("StatTrak™", StringComparison.Ordinal),
            Souvenir = title.StartsWith("Souvenir ", StringComparison.Ordinal),
            Category = title.StartsWith('★') ? (title.Contains("Gloves", StringComparison.Ordinal) ? "gloves" : "knife")
                : CatalogNames.Cs2WeaponCategories.FirstOrDefault(w => title.Contains(w.Key + " |", StringComparison.Ordinal)).Value,
        },
        DMarketGames.Dota2 => new ItemAttributes { Quality = "Standard" },
        DMarketGames.TeamFortress2 => new ItemAttributes { Quality = "Unique", Craftable = true },
        _ => new ItemAttributes(),
    };

    private static (string Title, ItemAttributes Kind) DrawTitle(string gameId, Random random, int attempt)
    {
        // Past the vocabulary's natural size, number the variants so any catalogue size can be drawn.
        var series = attempt > VocabularySize ? $" #{attempt / VocabularySize}" : string.Empty;
        return gameId switch
        {
            DMarketGames.CounterStrike2 => Cs2Title(random, series),
            DMarketGames.Dota2 => DotaTitle(random, series),
            DMarketGames.TeamFortress2 => Tf2Title(random, series),
            _ => RustTitle(random, series),
        };
    }

    private static (string, ItemAttributes) Cs2Title(Random random, string series)
    {
        var exterior = Pick(CatalogNames.Cs2Exteriors, random);
        var roll = random.NextDouble();
        if (roll < GlovesShare)
        {
            var glove = $"★ {Pick(CatalogNames.Cs2Gloves, random)} | {Pick(CatalogNames.Cs2GloveFinishes, random)}{series} ({exterior})";
            return (glove, new ItemAttributes { Exterior = exterior, Category = "gloves" });
        }

        var statTrak = random.NextDouble() < StatTrakShare;
        if (roll < GlovesShare + KnifeShare)
        {
            var knife = $"★ {(statTrak ? "StatTrak™ " : string.Empty)}{Pick(CatalogNames.Cs2Knives, random)} | {Pick(CatalogNames.Cs2KnifeFinishes, random)}{series} ({exterior})";
            return (knife, new ItemAttributes { Exterior = exterior, Category = "knife", StatTrak = statTrak });
        }

        var weapon = Pick([.. CatalogNames.Cs2WeaponCategories.Keys], random);
        var souvenir = !statTrak && random.NextDouble() < SouvenirShare;
        var prefix = statTrak ? "StatTrak™ " : souvenir ? "Souvenir " : string.Empty;
        var title = $"{prefix}{weapon} | {Pick(CatalogNames.Cs2Skins, random)}{series} ({exterior})";
        return (title, new ItemAttributes { Exterior = exterior, Category = CatalogNames.Cs2WeaponCategories[weapon], StatTrak = statTrak, Souvenir = souvenir });
    }

    private static (string, ItemAttributes) DotaTitle(Random random, string series)
    {
        var quality = Pick(CatalogNames.DotaQualities, random);
        var hero = Pick(CatalogNames.DotaHeroes, random);
        var title = $"{quality}{Pick(CatalogNames.DotaPieces, random)} of {hero}{series}";
        return (title, new ItemAttributes { Hero = hero, Quality = quality.Length == 0 ? "Standard" : quality.Trim(), Rarity = Pick(CatalogNames.DotaRarities, random) });
    }

    private static (string, ItemAttributes) Tf2Title(Random random, string series)
    {
        var quality = Pick(CatalogNames.Tf2Qualities, random);
        var item = Pick(CatalogNames.Tf2Items, random);
        var killstreak = CatalogNames.Tf2Weapons.Contains(item) && random.NextDouble() < KillstreakShare ? Pick(CatalogNames.Tf2Killstreaks, random) : string.Empty;
        var craftable = random.NextDouble() >= NonCraftableShare;
        var title = $"{(craftable ? string.Empty : "Non-Craftable ")}{quality}{killstreak}{item}{series}";
        return (title, new ItemAttributes
        {
            Quality = quality.Length == 0 ? "Unique" : quality.Trim(),
            // A killstreak kit is itself of its tier.
            Killstreak = killstreak.Length > 0 ? killstreak.Trim() : Enumerable.Reverse(CatalogNames.Tf2Killstreaks).FirstOrDefault(k => item.Contains(k, StringComparison.Ordinal))?.Trim(),
            Craftable = craftable,
        });
    }

    private static (string, ItemAttributes) RustTitle(Random random, string series)
    {
        var item = Pick(CatalogNames.RustItems, random);
        return ($"{item}{Pick(CatalogNames.RustVariants, random)}{series}", new ItemAttributes { Category = CatalogNames.RustCategories.GetValueOrDefault(item, "clothing") });
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
