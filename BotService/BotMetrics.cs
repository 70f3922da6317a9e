using System.Diagnostics.Metrics;

namespace DMarketAspire.BotService;

/// <summary>The bot's meter, shown on the dashboard's Metrics page under <c>DMarketAspire.BotService</c>.</summary>
public sealed class BotMetrics
{
    public const string MeterName = "DMarketAspire.BotService";

    private readonly Counter<long> _updates;
    private readonly Histogram<double> _handling;
    private readonly Counter<long> _notifications;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _alerts;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _updates = meter.CreateCounter<long>("bot.updates", "{update}", "Telegram updates handled, by type and outcome.");
        _handling = meter.CreateHistogram<double>("bot.update.duration", "ms", "Handling one update, Telegram's calls included.");
        _notifications = meter.CreateCounter<long>("bot.notifications", "{notification}", "Notifications by outcome: sent, skipped, failed, unconfirmed, retried.");
        _latency = meter.CreateHistogram<double>("bot.notification.latency", "ms", "Opportunity outbox event written → Telegram accepted the message.");
        _alerts = meter.CreateCounter<long>("bot.alerts.fired", "{alert}", "Price alert crossings turned into notifications.");
    }

    public void Update(string type, string outcome, double milliseconds)
    {
        _updates.Add(1, new("type", type), new("outcome", outcome));
        _handling.Record(milliseconds, new KeyValuePair<string, object?>("type", type));
    }

    public void Notification(string outcome, long count = 1) => _notifications.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    public void Latency(double milliseconds) => _latency.Record(milliseconds);

    public void AlertsFired(long count) => _alerts.Add(count);
}
