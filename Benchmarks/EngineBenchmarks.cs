using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;
using Microsoft.Extensions.Options;

namespace DMarketAspire.Benchmarks;

/// <summary>
/// The pricing engine's hot path: one offer priced against its title's context (fee lookup, resale after fee, profit,
/// level, filters). Target: under 1 µs per offer. Per-title work (sales analysis, liquidity) is measured apart.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Titles = 2_000;
    private const int OffersPerTitle = 5;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private OpportunityEngine _engine = null!;
    private FeeSchedule _fees = null!;
    private (long Price, TitleContext Title)[] _offers = [];
    private IReadOnlyList<Sale>[] _sales = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _engine = new OpportunityEngine(Options.Create(new PricingOptions()));
        var titles = Enumerable.Range(0, Titles).Select(i => $"AK-47 | Benchmark {i} (Field-Tested)").ToArray();

        // A fee table the size of DMarket's (about 12,500 reduced fees), a tenth of them on our titles.
        var reduced = Enumerable.Range(0, 12_500).Select(i => new ReducedFee(i % 10 == 0 ? titles[i % Titles] : $"Other {i}", 0.02m, 50, 200_000, Now.AddDays(1))).ToList();
        _fees = new FeeSchedule(new FeeTable(0.10m, 1, reduced), 0.10m);

        _sales = titles.Select(_ =>
        {
            var fair = random.Next(50, 100_000);
            return (IReadOnlyList<Sale>)Enumerable.Range(0, 20).Select(s => new Sale((long)(fair * (0.96 + (0.08 * random.NextDouble()))), Now.AddHours(-s * 7), "Offer")).ToList();
        }).ToArray();

        var contexts = titles.Select((t, i) => _engine.Describe(t, SalesAnalyzer.Analyze(_sales[i], Now, _engine.Options), new OrderBook(1_000, 4, 1_100, 12))).ToArray();
        _offers = contexts.SelectMany(c => Enumerable.Range(0, OffersPerTitle).Select(_ => ((long)((c.ResaleCents ?? 1_000) * (0.6 + (0.6 * random.NextDouble()))), c))).ToArray();
    }

    /// <summary>Per offer: divide the reported time by the operations per invoke (BenchmarkDotNet does).</summary>
    [Benchmark(OperationsPerInvoke = Titles * OffersPerTitle)]
    public int PriceOneOffer()
    {
        var opportunities = 0;
        foreach (var (price, title) in _offers)
        {
            if (_engine.Evaluate(price, title, _fees, Now).IsOpportunity)
            {
                opportunities++;
            }
        }

        return opportunities;
    }

    /// <summary>Per title, once per scan: robust median, 7-day average, stability, liquidity, blacklist.</summary>
    [Benchmark(OperationsPerInvoke = Titles)]
    public int DescribeOneTitle()
    {
        var liquidity = 0;
        for (var i = 0; i < Titles; i++)
        {
            liquidity += _engine.Describe(_offers[i * OffersPerTitle].Title.Title, SalesAnalyzer.Analyze(_sales[i], Now, _engine.Options), new OrderBook(1_000, 4, 1_100, 12)).Liquidity;
        }

        return liquidity;
    }

    private sealed class InProcessConfig : ManualConfig
    {
        // BenchmarkDotNet 0.14 predates .NET 10's toolchain moniker; running in-process measures the same code.
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
