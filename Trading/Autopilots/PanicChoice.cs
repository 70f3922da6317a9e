namespace DMarketAspire.Trading.Autopilots;

/// <summary>What <c>/panic</c> does with items besides stopping the autopilot and cancelling this app's buy orders.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PanicChoice>))]
public enum PanicChoice
{
    /// <summary>Leave every item as it is.</summary>
    Stop,

    /// <summary>Take down every listing this app made.</summary>
    Delist,

    /// <summary>Offer what the autopilot bought at the title's best buy order (DMarket fills the order at once).</summary>
    SellAtBestBid,
}
