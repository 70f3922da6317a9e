namespace DMarketAspire.Trading.Autopilots;

/// <summary>Why the autopilot skipped or failed a buy: the words the decision log, the metrics and the report use.</summary>
public static class AutopilotReasons
{
    public const string DailySpend = "daily_spend";
    public const string OpenPositions = "open_positions";
    public const string BalanceShare = "balance_share";
    public const string Reserve = "reserve";
    public const string PriceSanity = "price_sanity";
    public const string DailyLoss = "daily_loss";
    public const string FailuresInRow = "failures_in_row";
    public const string Paused = "paused";
    public const string Off = "off";
    public const string NoKeys = "no_keys";
    public const string Stale = "stale";
    public const string AlreadySold = "already_sold";
    public const string MarketUnreadable = "market_unreadable";
    public const string TakenByAnother = "taken_by_another_user";
    public const string InFlight = "in_flight";

    /// <summary>Failures that say something is wrong (keys, balance, DMarket refusing): these pause the autopilot when repeated.</summary>
    public static bool CountsAsFailure(string? reason) => reason is not (null or AlreadySold or MarketUnreadable or TakenByAnother or InFlight or "OfferNotFound" or "OfferPriceChanged");
}
