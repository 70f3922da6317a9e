using System.Diagnostics.Metrics;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Buying;

namespace DMarketAspire.Trading;

/// <summary>The trading meter: buys by outcome and channel, so the dashboard shows what buying did and why not.</summary>
public sealed class TradingMetrics
{
    public const string MeterName = "DMarketAspire.Trading";

    private readonly Counter<long> _buys;
    private readonly Histogram<double> _buyCall;
    private readonly Histogram<double> _buyOwn;
    private readonly Counter<long> _trades;
    private readonly Counter<long> _volume;
    private readonly UpDownCounter<long> _realized;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _pauses;
    private readonly Histogram<double> _autopilotLatency;

    public TradingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _buys = meter.CreateCounter<long>("dmarket_aspire.trading.buys", "{buy}", "Buy confirmations and reconciliations, by outcome and channel.");
        _buyCall = meter.CreateHistogram<double>("dmarket_aspire.trading.buy.dmarket_duration", "s", "How long DMarket took to answer a buy (offers-buy).");
        _buyOwn = meter.CreateHistogram<double>("dmarket_aspire.trading.buy.own_duration", "s", "A confirmed buy from the claim to the recorded outcome, without DMarket's own time.");
        _trades = meter.CreateCounter<long>("dmarket_aspire.trading.trades", "{sale}", "Users' sales recorded, by game.");
        _volume = meter.CreateCounter<long>("dmarket_aspire.trading.volume", "{cent}", "What users' sales fetched, in US cents, by game.");
        // Profit can be a loss: a counter that may go down.
        _decisions = meter.CreateCounter<long>("dmarket_aspire.autopilot.decisions", "{decision}", "Autopilot decisions by outcome, reason and mode: why it did or did not buy.");
        _pauses = meter.CreateCounter<long>("dmarket_aspire.autopilot.pauses", "{pause}", "Autopilots that paused themselves, by reason.");
        _autopilotLatency = meter.CreateHistogram<double>("dmarket_aspire.autopilot.decision_to_buy", "s", "From a decision planned off the outbox to its live buy leaving.");
        _realized = meter.CreateUpDownCounter<long>("dmarket_aspire.trading.realized_profit", "{cent}", "Realized profit of users' sales (price − fee − cost, known cost only), in US cents, by game.");
    }

    public void AutopilotDecision(AutopilotOutcome outcome, string? reason, AutopilotMode mode) =>
        _decisions.Add(
            1,
            new KeyValuePair<string, object?>("autopilot.outcome", outcome.ToString()),
            new KeyValuePair<string, object?>("autopilot.reason", reason ?? "none"),
            new KeyValuePair<string, object?>("autopilot.mode", mode.ToString()));

    public void AutopilotPaused(string reason) => _pauses.Add(1, new KeyValuePair<string, object?>("autopilot.reason", reason));

    public void AutopilotBuySent(TimeSpan sinceDecision) => _autopilotLatency.Record(sinceDecision.TotalSeconds);

    public void Sale(string gameId, long priceCents, long? profitCents)
    {
        var game = new KeyValuePair<string, object?>("dmarket.game", gameId);
        _trades.Add(1, game);
        _volume.Add(priceCents, game);
        if (profitCents is { } profit)
        {
            _realized.Add(profit, game);
        }
    }

    public void BuyTimes(TimeSpan dmarket, TimeSpan own)
    {
        _buyCall.Record(dmarket.TotalSeconds);
        _buyOwn.Record(own.TotalSeconds);
    }

    public void Buy(BuyOutcome outcome, string channel) =>
        _buys.Add(1, new KeyValuePair<string, object?>("trading.outcome", outcome.ToString()), new KeyValuePair<string, object?>("trading.channel", channel));
}
