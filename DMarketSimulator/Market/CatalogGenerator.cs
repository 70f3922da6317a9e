using DMarketAspire.DMarket.Client;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>Draws a game's catalogue: distinct realistic titles with fair prices skewed toward cheap items, as on DMarket.</summary>
internal static class CatalogGenerator
{
    private const long MinFairCents = 10;
    private const long MaxFairCents = 150_000;

    public static List<CatalogItem> Generate(string gameId, int count, Random random)
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        List<CatalogItem> items = [];
        var attempts = 0;
        while (items.Count < count && attempts++ < count * 50)
        {
            var (title, exterior) = DrawTitle(gameId, random, attempts);
            if (titles.Add(title))
            {
                items.Add(new CatalogItem(gameId, title, CatalogNames.CategoryPath(gameId), exterior, DrawFairPrice(random)));
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

    private static (string Title, string? Exterior) DrawTitle(string gameId, Random random, int attempt)
    {
        // Past the vocabulary's natural size, number the variants so any catalogue size can be drawn.
        var series = attempt > 4000 ? $" #{attempt / 4000}" : string.Empty;
        switch (gameId)
        {
            case DMarketGames.CounterStrike2:
                var exterior = Pick(CatalogNames.Cs2Exteriors, random);
                var stattrak = random.NextDouble() < 0.15 ? "StatTrak™ " : string.Empty;
                return ($"{stattrak}{Pick(CatalogNames.Cs2Weapons, random)} | {Pick(CatalogNames.Cs2Skins, random)}{series} ({exterior})", exterior);
            case DMarketGames.Dota2:
                return ($"{Pick(CatalogNames.DotaQualities, random)}{Pick(CatalogNames.DotaPieces, random)} of {Pick(CatalogNames.DotaHeroes, random)}{series}", null);
            case DMarketGames.TeamFortress2:
                return ($"{Pick(CatalogNames.Tf2Qualities, random)}{Pick(CatalogNames.Tf2Items, random)}{series}", null);
            default:
                return ($"{Pick(CatalogNames.RustItems, random)}{Pick(CatalogNames.RustVariants, random)}{series}", null);
        }
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
