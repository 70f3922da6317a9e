using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>Bound from the <c>Simulator</c> section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Same seed, same market: titles, prices, offers, sales and fees are all drawn from it.</summary>
    public int Seed { get; set; } = 42;

    [Range(10, 100_000)]
    public int OffersPerGame { get; set; } = 3000;

    /// <summary>Whether the market moves on its own (new listings, purchases by others, drift).</summary>
    public bool Dynamics { get; set; } = true;

    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(0, long.MaxValue)]
    public long DemoBalanceCents { get; set; } = 100_000;

    /// <summary>DMarket rejects a signature dated further than this from its clock.</summary>
    public TimeSpan MaxSignatureSkew { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a bought item stays trade-protected (DMarket: up to 7 days for CS2 since 2025); zero for none.</summary>
    public TimeSpan TradeLock { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Whether simulated buyers take accounts' listings priced at or under what the next buyer pays (the cheapest other listing, else recent sales' median or the fair price).</summary>
    public bool Buyers { get; set; } = true;

    /// <summary>How long a listing at exactly what the market pays waits for a buyer; a cheaper one sells sooner (by the price ratio squared).</summary>
    public TimeSpan BuyerDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of generated listings priced well under the title's fair price: the genuine opportunities.</summary>
    [Range(0.0, 1.0)]
    public double UnderpricedShare { get; set; } = 0.03;
}
