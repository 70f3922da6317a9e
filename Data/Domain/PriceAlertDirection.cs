namespace DMarketAspire.Data.Domain;

public enum PriceAlertDirection
{
    /// <summary>Fires when the best offer drops to or under the threshold.</summary>
    Below,

    /// <summary>Fires when the best offer rises to or over the threshold.</summary>
    Above,
}
