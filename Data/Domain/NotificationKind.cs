namespace DMarketAspire.Data.Domain;

public enum NotificationKind
{
    /// <summary>A new opportunity matching the user's filters (<see cref="Notification.OpportunityId"/>).</summary>
    Opportunity,

    /// <summary>One crossing of a price alert (<see cref="Notification.AlertId"/>, <see cref="Notification.AlertCrossing"/>).</summary>
    PriceAlert,

    /// <summary>The outcome of a buy whose answer was lost, once reconciliation settled it (<see cref="Notification.BuyId"/>).</summary>
    Buy,

    /// <summary>An item of the user's sold, with the profit (<see cref="Notification.TradeId"/>).</summary>
    Sale,

    /// <summary>What the autopilot did about a listing the user should know of: bought, lost to another user, refused (<see cref="Notification.DecisionId"/>).</summary>
    Autopilot,

    /// <summary>The autopilot paused itself (failures in a row, the day's loss); the reason is on the user's autopilot.</summary>
    AutopilotPaused,

    /// <summary>The autopilot's daily report, built when sent; <see cref="Notification.Title"/> holds the local date it covers.</summary>
    AutopilotReport,
}
