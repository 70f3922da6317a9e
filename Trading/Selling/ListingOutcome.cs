namespace DMarketAspire.Trading.Selling;

/// <summary>What came of listing, repricing or delisting an item.</summary>
public enum ListingOutcome
{
    Listed,
    Repriced,
    Delisted,

    /// <summary>Not one of the user's open positions.</summary>
    NotYours,

    AlreadyListed,

    NotListed,

    /// <summary>Under cost plus fee, and the user did not say to go under.</summary>
    BelowBreakEven,

    /// <summary>DMarket refused it (trade lock, not in the inventory...); its code is given.</summary>
    Refused,

    /// <summary>DMarket's answer was lost and its listings do not show the item: nothing is listed.</summary>
    NotAnswered,
}
