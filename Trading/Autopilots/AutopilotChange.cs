namespace DMarketAspire.Trading.Autopilots;

/// <summary>Settings to change on a user's autopilot; a null field stays as it is. Money in cents, shares in percent.</summary>
public sealed record AutopilotChange
{
    public string[]? Games { get; init; }

    public string[]? Levels { get; init; }

    public string[]? SkipWords { get; init; }

    public decimal? MinProfitPercent { get; init; }

    public long? MinProfitCents { get; init; }

    public int? MinLiquidity { get; init; }

    public long? MaxPriceCents { get; init; }

    public long? DailySpendCents { get; init; }

    public int? MaxOpenPositions { get; init; }

    public decimal? MaxBalanceSharePercent { get; init; }

    public long? ReserveCents { get; init; }

    public int? PauseAfterFailures { get; init; }

    public long? PauseAfterDailyLossCents { get; init; }

    public decimal? SanityMultiple { get; init; }

    /// <summary><c>list</c> or <c>hold</c>.</summary>
    public string? AfterBuy { get; init; }

    public long? PaperBalanceCents { get; init; }

    /// <summary>The local hour of the daily report, 0–23; -1 turns it off.</summary>
    public int? ReportHour { get; init; }
}
