using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>Bound from the <c>Autopilot</c> section: how the autopilot follows the market, not what users set.</summary>
public sealed class AutopilotOptions
{
    public const string SectionName = "Autopilot";

    /// <summary>A decision not acted on within this (the service was down) is skipped as stale: the moment has passed.</summary>
    public TimeSpan DecisionLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Outbox events read per planning transaction.</summary>
    [Range(1, 10_000)]
    public int EventBatchSize { get; set; } = 500;

    /// <summary>How often the outbox is read when no signal came (the Scanner's publish wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Users acted for at once: each user's decisions go one at a time, on that user's own DMarket budget.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>How often paper listings look for a sale at or above their ask, and bought items are put up for sale.</summary>
    public TimeSpan AfterBuyInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Paper listings (titles) looked at per pass.</summary>
    [Range(1, 10_000)]
    public int PaperSalesBatch { get; set; } = 50;

    /// <summary>The window of the price sanity check's average.</summary>
    public TimeSpan SanityWindow { get; set; } = TimeSpan.FromDays(7);
}
