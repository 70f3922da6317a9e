namespace DMarketAspire.Data.Domain;

/// <summary>What the autopilot does with an item it bought.</summary>
public enum AutopilotAfterBuy
{
    /// <summary>List it at the resale estimate, following the best offer down by the repricing rule, never under cost after the fee.</summary>
    List,

    /// <summary>Keep it; the user sells it.</summary>
    Hold,
}
