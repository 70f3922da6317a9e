namespace DMarketAspire.Data.Domain;

/// <summary>A yes/no attribute in a filter: either way, only with it, or only without it.</summary>
public enum Presence
{
    Any,
    Only,
    Without,
}
