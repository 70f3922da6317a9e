using System.Diagnostics.Metrics;
using DMarketAspire.Trading.Buying;

namespace DMarketAspire.Trading;

/// <summary>The trading meter: buys by outcome and channel, so the dashboard shows what buying did and why not.</summary>
public sealed class TradingMetrics
{
    public const string MeterName = "DMarketAspire.Trading";

    private readonly Counter<long> _buys;

    public TradingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _buys = meter.CreateCounter<long>("dmarket_aspire.trading.buys", "{buy}", "Buy confirmations and reconciliations, by outcome and channel.");
    }

    public void Buy(BuyOutcome outcome, string channel) =>
        _buys.Add(1, new KeyValuePair<string, object?>("trading.outcome", outcome.ToString()), new KeyValuePair<string, object?>("trading.channel", channel));
}
