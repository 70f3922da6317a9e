using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.Pricing;

/// <summary>
/// A game's seller fees, indexed for the hot path: the reduced fee of a title whose price window holds the price
/// and which has not expired, else the default. Fractions are held as basis points, so fee arithmetic is exact.
/// </summary>
public sealed class FeeSchedule
{
    private const decimal BasisPointsPerUnit = 10_000m;

    private readonly int _defaultBasisPoints;
    private readonly Dictionary<string, Rule[]> _reduced;

    public FeeSchedule(FeeTable table, decimal fallbackFraction)
    {
        _defaultBasisPoints = ToBasisPoints(table.DefaultFraction > 0 ? table.DefaultFraction : fallbackFraction);
        _reduced = table.ReducedFees
            .GroupBy(f => f.Title, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => new Rule(ToBasisPoints(f.Fraction), f.MinPriceCents, f.MaxPriceCents, f.ExpiresAt.UtcTicks)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>For a game whose fee table is unknown: DMarket's default fee.</summary>
    public static FeeSchedule Fallback(decimal fraction) => new(new FeeTable(fraction, 0, []), fraction);

    public int DefaultBasisPoints => _defaultBasisPoints;

    /// <summary>The fee, in basis points (1000 = 10%), for selling <paramref name="title"/> at <paramref name="priceCents"/> at <paramref name="now"/>.</summary>
    public int BasisPointsFor(string title, long priceCents, DateTimeOffset now)
    {
        if (_reduced.TryGetValue(title, out var rules))
        {
            var ticks = now.UtcTicks;
            foreach (var rule in rules)
            {
                if (priceCents >= rule.MinPriceCents && priceCents <= rule.MaxPriceCents && ticks < rule.ExpiresAtTicks)
                {
                    return rule.BasisPoints;
                }
            }
        }

        return _defaultBasisPoints;
    }

    public static decimal ToFraction(int basisPoints) => basisPoints / BasisPointsPerUnit;

    private static int ToBasisPoints(decimal fraction) => (int)decimal.Round(fraction * BasisPointsPerUnit, 0, MidpointRounding.AwayFromZero);

    private readonly record struct Rule(int BasisPoints, long MinPriceCents, long MaxPriceCents, long ExpiresAtTicks);
}
