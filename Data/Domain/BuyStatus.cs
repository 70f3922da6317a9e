namespace DMarketAspire.Data.Domain;

/// <summary>Where a buy stands. Only <see cref="Proposed"/> can become <see cref="Sending"/>, and only once.</summary>
public enum BuyStatus
{
    /// <summary>Shown to the user for confirmation; nothing sent.</summary>
    Proposed,

    /// <summary>Confirmed and claimed for sending: from here the request may have reached DMarket.</summary>
    Sending,

    /// <summary>Sent, and the answer was lost (timeout, 5xx, a crash): reconciled against DMarket before anything else.</summary>
    Unknown,

    Bought,

    /// <summary>DMarket refused it, or reconciliation showed it did not happen. Nothing was bought.</summary>
    Failed,

    /// <summary>The user declined, or the proposal expired unconfirmed.</summary>
    Cancelled,
}
