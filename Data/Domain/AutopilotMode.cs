namespace DMarketAspire.Data.Domain;

/// <summary>Whether the autopilot's buys move money.</summary>
public enum AutopilotMode
{
    /// <summary>The same rules and limits against the real market, without money: the default until the user confirms live.</summary>
    Paper,

    Live,
}
