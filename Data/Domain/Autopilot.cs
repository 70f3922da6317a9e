namespace DMarketAspire.Data.Domain;

/// <summary>
/// A user's autopilot: what to buy, the limits it never crosses (checked in the same PostgreSQL transaction that records
/// each buy, under a lock on this row, so crashes and replicas cannot exceed them) and what to do after a buy. Off, and
/// in paper mode, until the user says otherwise.
/// </summary>
public sealed class Autopilot
{
    public long UserId { get; set; }

    public bool Enabled { get; set; }

    public AutopilotMode Mode { get; set; }

    /// <summary>Games to buy in; empty: all.</summary>
    public string[] Games { get; set; } = [];

    /// <summary>Price levels to buy in; empty: all.</summary>
    public string[] Levels { get; set; } = [];

    /// <summary>No title holding one of these (case-insensitive).</summary>
    public string[] SkipWords { get; set; } = [];

    public decimal MinProfitPercent { get; set; }

    public long MinProfitCents { get; set; }

    public int MinLiquidity { get; set; }

    public long MaxPriceCents { get; set; }

    /// <summary>Spent on buys (sent, bought or in doubt) in the user's local day, at most.</summary>
    public long DailySpendCents { get; set; }

    /// <summary>Items bought by the autopilot and not yet sold (and buys in flight), at most.</summary>
    public int MaxOpenPositions { get; set; }

    /// <summary>One item costs at most this share of the balance, in percent.</summary>
    public decimal MaxBalanceSharePercent { get; set; }

    /// <summary>Balance never spent: a buy that would leave less is skipped.</summary>
    public long ReserveCents { get; set; }

    /// <summary>Pause after this many failed buys in a row (DMarket refused, or reconciliation found it not bought).</summary>
    public int PauseAfterFailures { get; set; }

    /// <summary>Pause when the autopilot's realized loss in the user's local day exceeds this.</summary>
    public long PauseAfterDailyLossCents { get; set; }

    /// <summary>Skip a buy above this multiple of the title's 7-day average sale price.</summary>
    public decimal SanityMultiple { get; set; }

    public AutopilotAfterBuy AfterBuy { get; set; }

    /// <summary>What paper mode starts with as its balance; paper profit and loss move it.</summary>
    public long PaperBalanceCents { get; set; }

    /// <summary>Why it stopped buying by itself (failures in a row, the day's loss); null while not paused.</summary>
    public string? PausedReason { get; set; }

    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Failures in a row count from here: switching on or resuming starts afresh.</summary>
    public DateTimeOffset ResumedAt { get; set; }

    /// <summary>The local hour (0–23, the user's time zone) the daily report is sent at; null: no report.</summary>
    public int? ReportHour { get; set; }

    /// <summary>The local date of the last daily report planned: one a day, however many replicas look.</summary>
    public DateOnly? ReportedOn { get; set; }

    /// <summary>When the user confirmed live mode (null: never, or back to paper since).</summary>
    public DateTimeOffset? LiveSince { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
