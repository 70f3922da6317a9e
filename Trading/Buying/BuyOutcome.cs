namespace DMarketAspire.Trading.Buying;

/// <summary>What came of confirming (or reconciling) a buy, in the words the user is told.</summary>
public enum BuyOutcome
{
    Bought,

    /// <summary>The listing was sold or repriced before the buy arrived; the opportunity is gone for everyone.</summary>
    AlreadySold,

    NotEnoughBalance,

    KeysRefused,

    /// <summary>DMarket refused it for another reason (its code is on the buy).</summary>
    Refused,

    /// <summary>The answer was lost: reconciling against the inventory and the market before anything else.</summary>
    Checking,

    /// <summary>Reconciliation showed the buy did not happen.</summary>
    NotBought,

    /// <summary>This confirmation was already used (a second press): nothing sent.</summary>
    AlreadyConfirmed,

    /// <summary>The summary is older than the proposal lifetime, or was cancelled: nothing sent.</summary>
    Expired,

    /// <summary>Another buy of the same listing by the same user is still being settled: nothing sent.</summary>
    InFlight,
}
