using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>What a user's autopilot starts with: off, paper, and limits a cautious trader would pick.</summary>
public static class AutopilotDefaults
{
    public const decimal MinProfitPercent = 10m;
    public const long MinProfitCents = 50;
    public const int MinLiquidity = 40;
    public const long MaxPriceCents = 2_000;
    public const long DailySpendCents = 5_000;
    public const int MaxOpenPositions = 3;
    public const decimal MaxBalanceSharePercent = 25m;
    public const long ReserveCents = 0;
    public const int PauseAfterFailures = 3;
    public const long PauseAfterDailyLossCents = 2_000;

    /// <summary>As the peers do: a listing above 1.5 × the title's 7-day average is a trap, not a bargain.</summary>
    public const decimal SanityMultiple = 1.5m;

    public const long PaperBalanceCents = 10_000;

    /// <summary>9 pm in the user's time zone: the day's trading is mostly done.</summary>
    public const int ReportHour = 21;

    public static Autopilot For(long userId, DateTimeOffset now) => new()
    {
        UserId = userId,
        Enabled = false,
        Mode = AutopilotMode.Paper,
        MinProfitPercent = MinProfitPercent,
        MinProfitCents = MinProfitCents,
        MinLiquidity = MinLiquidity,
        MaxPriceCents = MaxPriceCents,
        DailySpendCents = DailySpendCents,
        MaxOpenPositions = MaxOpenPositions,
        MaxBalanceSharePercent = MaxBalanceSharePercent,
        ReserveCents = ReserveCents,
        PauseAfterFailures = PauseAfterFailures,
        PauseAfterDailyLossCents = PauseAfterDailyLossCents,
        SanityMultiple = SanityMultiple,
        AfterBuy = AutopilotAfterBuy.List,
        PaperBalanceCents = PaperBalanceCents,
        ReportHour = ReportHour,
        ResumedAt = now,
        UpdatedAt = now,
    };
}
