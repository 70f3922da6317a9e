namespace DMarketAspire.Domain;

public enum BotTargetStatus
{
    Active,
    Deleted,
    Filled,
}
