using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Attributes;
using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>
/// What one copy of a title has that the next may not: a float inside its exterior's band, a paint seed, a Doppler
/// phase (Doppler finishes only), stickers on some guns, a trade lock on some listings.
/// </summary>
internal static class ListingAttributes
{
    private const double StickeredShare = 0.25;
    private const int MaxStickers = 4;
    private const double TradeLockedShare = 0.15;
    private const int MaxTradeLockDays = 7;
    private const int PaintSeeds = 1000;
    private static readonly string[] DopplerPhases = ["Phase 1", "Phase 2", "Phase 3", "Phase 4", "Ruby", "Sapphire", "Black Pearl"];
    private static readonly string[] GammaDopplerPhases = ["Phase 1", "Phase 2", "Phase 3", "Phase 4", "Emerald"];

    public static ItemAttributes Draw(CatalogItem item, Random random)
    {
        var tradeLock = random.NextDouble() < TradeLockedShare ? 1 + random.Next(MaxTradeLockDays) : 0;
        if (item.GameId != DMarketGames.CounterStrike2 || item.Kind.Exterior is not { } exteriorName)
        {
            return item.Kind with { TradeLockDays = tradeLock };
        }

        var exterior = ItemVocabulary.FindExterior(exteriorName)!;
        var wear = exterior.FloatMin + ((exterior.FloatMax - exterior.FloatMin) * random.NextDouble());
        var phases = item.Title.Contains("Gamma Doppler", StringComparison.Ordinal) ? GammaDopplerPhases
            : item.Title.Contains("Doppler", StringComparison.Ordinal) ? DopplerPhases : null;
        var gun = item.Kind.Category is not ("knife" or "gloves");
        return item.Kind with
        {
            FloatValue = Math.Min(Math.Round(wear, 6), Math.Round(exterior.FloatMax - 0.000001, 6)),
            PaintSeed = random.Next(PaintSeeds),
            Phase = phases?[random.Next(phases.Length)],
            Stickers = gun && random.NextDouble() < StickeredShare ? 1 + random.Next(MaxStickers) : 0,
            TradeLockDays = tradeLock,
        };
    }
}
