using System.Globalization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>What each autopilot setting may be, checked the same way for the chat and the Api; problems keyed by field.</summary>
public static class AutopilotSettingsRules
{
    public const long MaxMoneyCents = 100_000_000;
    public const decimal MaxProfitPercent = 1_000m;
    public const int MaxLiquidity = 100;
    public const int MaxOpenPositionsLimit = 1_000;
    public const int MaxFailuresLimit = 100;
    public const decimal MinSanityMultiple = 1m;
    public const decimal MaxSanityMultiple = 10m;
    public const int MaxWords = 50;
    public const int MaxWordLength = 64;
    public const long MinPaperBalanceCents = 100;
    public const int NoReport = -1;
    public const int LastHour = 23;

    public static Dictionary<string, string[]> Validate(AutopilotChange change, IReadOnlyCollection<string> knownLevels)
    {
        Dictionary<string, string[]> errors = [];
        void Check(bool bad, string field, string message)
        {
            if (bad)
            {
                errors[field] = [message];
            }
        }

        Check(change.Games?.Any(g => !DMarketGames.IsKnown(g)) == true, "games", $"Games are some of: {string.Join(", ", DMarketGames.All)} (empty: all).");
        Check(change.Levels?.Any(l => !knownLevels.Contains(l)) == true, "levels", $"Levels are some of: {string.Join(", ", knownLevels)} (empty: all).");
        Check(change.SkipWords is { } words && (words.Length > MaxWords || words.Any(w => string.IsNullOrWhiteSpace(w) || w.Length > MaxWordLength)), "skipWords", $"At most {MaxWords} words, each 1 to {MaxWordLength} characters.");
        Check(change.MinProfitPercent is < 0 or > MaxProfitPercent, "minProfitPercent", $"A percentage from 0 to {MaxProfitPercent}.");
        Check(change.MinProfitCents is < 0 or > MaxMoneyCents, "minProfitCents", Cents(0));
        Check(change.MinLiquidity is < 0 or > MaxLiquidity, "minLiquidity", $"A liquidity score from 0 to {MaxLiquidity}.");
        Check(change.MaxPriceCents is < 1 or > MaxMoneyCents, "maxPriceCents", Cents(1));
        Check(change.DailySpendCents is < 0 or > MaxMoneyCents, "dailySpendCents", Cents(0));
        Check(change.MaxOpenPositions is < 0 or > MaxOpenPositionsLimit, "maxOpenPositions", $"From 0 to {MaxOpenPositionsLimit}.");
        Check(change.MaxBalanceSharePercent is <= 0 or > 100, "maxBalanceSharePercent", "A percentage over 0, at most 100.");
        Check(change.ReserveCents is < 0 or > MaxMoneyCents, "reserveCents", Cents(0));
        Check(change.PauseAfterFailures is < 1 or > MaxFailuresLimit, "pauseAfterFailures", $"From 1 to {MaxFailuresLimit}.");
        Check(change.PauseAfterDailyLossCents is < 0 or > MaxMoneyCents, "pauseAfterDailyLossCents", Cents(0));
        Check(change.SanityMultiple is < MinSanityMultiple or > MaxSanityMultiple, "sanityMultiple", $"A multiple of the 7-day average from {MinSanityMultiple} to {MaxSanityMultiple}.");
        Check(change.AfterBuy is { } after && ParseAfterBuy(after) is null, "afterBuy", "'list' (at the resale estimate, repriced by the rule) or 'hold'.");
        Check(change.ReportHour is < NoReport or > LastHour, "reportHour", $"A local hour from 0 to {LastHour} for the daily report, or {NoReport} for none.");
        Check(change.PaperBalanceCents is < MinPaperBalanceCents or > MaxMoneyCents, "paperBalanceCents", Cents(MinPaperBalanceCents));
        return errors;
    }

    public static void Apply(Autopilot autopilot, AutopilotChange change)
    {
        autopilot.Games = change.Games?.Distinct().ToArray() ?? autopilot.Games;
        autopilot.Levels = change.Levels?.Distinct().ToArray() ?? autopilot.Levels;
        autopilot.SkipWords = change.SkipWords?.Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() ?? autopilot.SkipWords;
        autopilot.MinProfitPercent = change.MinProfitPercent ?? autopilot.MinProfitPercent;
        autopilot.MinProfitCents = change.MinProfitCents ?? autopilot.MinProfitCents;
        autopilot.MinLiquidity = change.MinLiquidity ?? autopilot.MinLiquidity;
        autopilot.MaxPriceCents = change.MaxPriceCents ?? autopilot.MaxPriceCents;
        autopilot.DailySpendCents = change.DailySpendCents ?? autopilot.DailySpendCents;
        autopilot.MaxOpenPositions = change.MaxOpenPositions ?? autopilot.MaxOpenPositions;
        autopilot.MaxBalanceSharePercent = change.MaxBalanceSharePercent ?? autopilot.MaxBalanceSharePercent;
        autopilot.ReserveCents = change.ReserveCents ?? autopilot.ReserveCents;
        autopilot.PauseAfterFailures = change.PauseAfterFailures ?? autopilot.PauseAfterFailures;
        autopilot.PauseAfterDailyLossCents = change.PauseAfterDailyLossCents ?? autopilot.PauseAfterDailyLossCents;
        autopilot.SanityMultiple = change.SanityMultiple ?? autopilot.SanityMultiple;
        autopilot.AfterBuy = change.AfterBuy is { } after ? ParseAfterBuy(after) ?? autopilot.AfterBuy : autopilot.AfterBuy;
        autopilot.PaperBalanceCents = change.PaperBalanceCents ?? autopilot.PaperBalanceCents;
        if (change.ReportHour is { } hour)
        {
            autopilot.ReportHour = hour == NoReport ? null : hour;
        }
    }

    public static AutopilotAfterBuy? ParseAfterBuy(string value) => value.Trim().ToLowerInvariant() switch
    {
        "list" => AutopilotAfterBuy.List,
        "hold" => AutopilotAfterBuy.Hold,
        _ => null,
    };

    private static string Cents(long min) => string.Create(CultureInfo.InvariantCulture, $"Whole cents from {min} to {MaxMoneyCents}.");
}
