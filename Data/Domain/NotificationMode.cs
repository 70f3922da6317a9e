namespace DMarketAspire.Data.Domain;

public enum NotificationMode
{
    /// <summary>A message per opportunity as it is found.</summary>
    Instant,

    /// <summary>One summary per period.</summary>
    Digest,

    /// <summary>No notifications; commands still work.</summary>
    Off,
}
