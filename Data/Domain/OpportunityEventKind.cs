namespace DMarketAspire.Data.Domain;

public enum OpportunityEventKind
{
    Found,
    Updated,
    Gone,
}
