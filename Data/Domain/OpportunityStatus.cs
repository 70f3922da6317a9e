namespace DMarketAspire.Data.Domain;

public enum OpportunityStatus
{
    /// <summary>Listed and profitable at the last look.</summary>
    Active,

    /// <summary>The offer was sold or delisted, or its profit vanished.</summary>
    Gone,
}
