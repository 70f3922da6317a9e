using DMarketAspire.Trading.Autopilots;

namespace DMarketAspire.Api.Autopilots;

/// <summary>
/// The caller's autopilot: its settings (money in cents, shares in percent; empty games or levels mean all), whether it
/// runs, in which mode, and today's figures against its limits (the user's local day), with paper mode's P&amp;L apart.
/// </summary>
public sealed record MeAutopilot(
    bool Enabled,
    string Mode,
    string? PausedReason,
    DateTimeOffset? PausedAt,
    DateTimeOffset? LiveSince,
    string[] Games,
    string[] Levels,
    string[] SkipWords,
    decimal MinProfitPercent,
    long MinProfitCents,
    int MinLiquidity,
    long MaxPriceCents,
    long DailySpendCents,
    int MaxOpenPositions,
    decimal MaxBalanceSharePercent,
    long ReserveCents,
    int PauseAfterFailures,
    long PauseAfterDailyLossCents,
    decimal SanityMultiple,
    string AfterBuy,
    long PaperBalanceCents,
    int? ReportHour,
    long SpentTodayCents,
    int OpenPositions,
    long RealizedTodayCents,
    PaperPnl Paper,
    IReadOnlyList<MeAutopilotReasonCount> Today)
{
    public static MeAutopilot From(AutopilotStatus status)
    {
        var a = status.Settings;
        return new MeAutopilot(
            a.Enabled, Name(a.Mode), a.PausedReason, a.PausedAt, a.LiveSince, a.Games, a.Levels, a.SkipWords, a.MinProfitPercent, a.MinProfitCents, a.MinLiquidity,
            a.MaxPriceCents, a.DailySpendCents, a.MaxOpenPositions, a.MaxBalanceSharePercent, a.ReserveCents, a.PauseAfterFailures, a.PauseAfterDailyLossCents,
            a.SanityMultiple, Name(a.AfterBuy), a.PaperBalanceCents, a.ReportHour, status.SpentTodayCents, status.OpenPositions, status.RealizedTodayCents, status.Paper,
            [.. status.Today.Select(t => new MeAutopilotReasonCount(Name(t.Outcome), t.Reason, t.Count))]);
    }

    internal static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
