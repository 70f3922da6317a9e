namespace DMarketAspire.Data.Domain;

public enum BotTargetStatus
{
    Active,
    Deleted,
    Filled,
}
