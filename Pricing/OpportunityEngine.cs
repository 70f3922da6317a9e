using Microsoft.Extensions.Options;

namespace DMarketAspire.Pricing;

/// <summary>
/// Prices one offer: fee lookup, resale after fee, profit in cents and percent, level, liquidity and the filters.
/// Pure and allocation-free per offer; everything per title is in the <see cref="TitleContext"/>.
/// </summary>
public sealed class OpportunityEngine(IOptions<PricingOptions> options)
{
    private const long BasisPointsPerUnit = 10_000;
    private const long HundredthsOfPercent = 10_000;

    private readonly PricingOptions _options = options.Value;
    private readonly ScanLevel[] _levels = [.. options.Value.EffectiveLevels];
    private readonly Blacklist _blacklist = new(options.Value.EffectiveBlacklistWords);

    public PricingOptions Options => _options;

    public IReadOnlyList<ScanLevel> Levels => _levels;

    public TitleContext Describe(string title, in TitleStats stats, in OrderBook book) =>
        new(title, stats, book, _blacklist.Matches(title), LiquidityScorer.Score(stats, book));

    public ScanLevel? LevelOf(long priceCents)
    {
        foreach (var level in _levels)
        {
            if (level.Contains(priceCents))
            {
                return level;
            }
        }

        return null;
    }

    public Evaluation Evaluate(long priceCents, TitleContext title, FeeSchedule fees, DateTimeOffset now)
    {
        var level = LevelOf(priceCents);
        if (level is null)
        {
            return Reject(OfferVerdict.OutsideLevels, null, title);
        }

        if (title.Blacklisted)
        {
            return Reject(OfferVerdict.Blacklisted, level, title);
        }

        if (title.ResaleCents is not { } resale)
        {
            return Reject(OfferVerdict.NoPriceData, level, title);
        }

        // A buy far above what the title sold for this week is a trap (or bad data), however good it looks.
        if (title.Stats.Average7DaysCents is { } average && priceCents > average * _options.SanityMultiplier)
        {
            return Reject(OfferVerdict.FailsSanityCheck, level, title);
        }

        var feeBasisPoints = fees.BasisPointsFor(title.Title, resale, now);
        // The fee is rounded up to the cent: never count on proceeds DMarket will not pay.
        var fee = ((resale * feeBasisPoints) + BasisPointsPerUnit - 1) / BasisPointsPerUnit;
        var profit = resale - fee - priceCents;
        var profitPercent = (profit * HundredthsOfPercent / priceCents) / 100m;

        var verdict = profit <= 0 ? OfferVerdict.NotProfitable
            : profit < _options.MinProfitCents || profitPercent < level.MinProfitPercent ? OfferVerdict.BelowMinProfit
            : title.Liquidity < _options.MinLiquidity ? OfferVerdict.Illiquid
            : OfferVerdict.Opportunity;
        return new Evaluation(verdict, level, resale, feeBasisPoints, profit, profitPercent, title.Liquidity);
    }

    private static Evaluation Reject(OfferVerdict verdict, ScanLevel? level, TitleContext title) =>
        new(verdict, level, title.ResaleCents ?? 0, 0, 0, 0, title.Liquidity);
}
