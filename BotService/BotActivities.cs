using System.Diagnostics;

namespace DMarketAspire.BotService;

/// <summary>
/// The bot's spans: each Telegram update handled, each notification message, each autopilot decision acted on. The calls
/// they make (PostgreSQL, Redis, Telegram, DMarket) are their children; a call made outside all of them (a poll, the
/// outbox's wake-ups) is no trace of its own (ServiceDefaults' BackgroundCallSampler).
/// </summary>
public static class BotActivities
{
    public const string SourceName = "DMarketAspire.BotService";

    public static ActivitySource Source { get; } = new(SourceName);
}
