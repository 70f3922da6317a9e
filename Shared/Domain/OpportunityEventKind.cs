namespace DMarketAspire.Domain;

public enum OpportunityEventKind
{
    Found,
    Updated,
    Gone,
}
