using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.Trading;

/// <summary>Bound from the <c>Trading</c> section.</summary>
public sealed class TradingOptions
{
    public const string SectionName = "Trading";

    /// <summary>How long a buy summary can be confirmed: a price shown longer ago than this is not bought at.</summary>
    public TimeSpan ProposalLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A buy still Sending this long after it left has lost its answer (the process died, or the call hung): longer than
    /// the DMarket client's whole resilience timeout, so a live call is never reconciled under its own feet.
    /// </summary>
    public TimeSpan AnswerDeadline { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How soon a buy whose answer failed (5xx, timeout) is first reconciled, and the step between later checks.</summary>
    public TimeSpan ReconcileDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Checks that find the item neither held nor listed before the buy is settled as not bought.</summary>
    [Range(1, 100)]
    public int ReconcileChecks { get; set; } = 10;

    /// <summary>How many of the account's closed buy orders a sync reads to find the cost of items it has not seen.</summary>
    [Range(0, 100_000)]
    public int ClosedBuyOrdersLookBack { get; set; } = 1000;

    /// <summary>The highest price an item may be listed at ($100,000): a typo of a few zeros is refused, not listed.</summary>
    [Range(1, long.MaxValue)]
    public long MaxListPriceCents { get; set; } = 10_000_000;

    /// <summary>The most closed sales one sync records (a first sync of an account with a long history stops there).</summary>
    [Range(1, 100_000)]
    public int ClosedSalesLookBack { get; set; } = 5000;

    /// <summary>The repricing rule's default: changes a listing may get in a UTC day.</summary>
    [Range(1, 1000)]
    public int MaxRepricesPerDay { get; set; } = 24;

    /// <summary>Listings the repricer looks at per pass.</summary>
    [Range(1, 10_000)]
    public int RepriceBatch { get; set; } = 500;

    /// <summary>How often listings are repriced and closed sales read.</summary>
    public TimeSpan SaleWatchInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the reconciler looks for due buys.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(1);
}
