namespace DMarketAspire.BotService.Commands;

/// <summary>What a price typed in dollars turned out to be.</summary>
public enum PriceInput
{
    Valid,

    /// <summary>Zero or negative.</summary>
    NotPositive,

    /// <summary>Not a dollar amount with at most two decimals.</summary>
    NotMoney,
}
