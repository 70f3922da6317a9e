namespace DMarketAspire.Data.Domain;

/// <summary>Redis channels about opportunities, shared by the scanner that publishes and the services that listen.</summary>
public static class OpportunityChannels
{
    /// <summary>Message: the newest <see cref="OpportunityEvent"/> id written. Read the outbox from your checkpoint.</summary>
    public const string Events = "dmarket:opportunity-events";
}
