namespace DMarketAspire.Data.Alerts;

public enum PriceAlertOutcome
{
    Created,

    /// <summary>The user has this very alert (title, direction, threshold) already; nothing was added.</summary>
    Duplicate,

    /// <summary>The user has <see cref="PriceAlertOptions.MaxPerUser"/> alerts; nothing was added.</summary>
    LimitReached,
}
