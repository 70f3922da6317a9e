namespace DMarketAspire.Data.Domain;

/// <summary>Where a position's cost basis came from.</summary>
public enum PositionCostSource
{
    /// <summary>Not known: deposited from Steam or bought outside this app, until the user sets it.</summary>
    Unknown,

    /// <summary>A buy made here, at its exact price.</summary>
    Bought,

    /// <summary>A buy order (target) of the account that was filled, at the target's price.</summary>
    BuyOrder,

    /// <summary>Set by the user.</summary>
    UserSet,
}
