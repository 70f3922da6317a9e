using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.Data.Alerts;

/// <summary>Bound from the <c>Alerts</c> section, by the bot (which watches alerts) and the Api (which creates them too).</summary>
public sealed class PriceAlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>How many alerts one user may keep.</summary>
    [Range(1, 1000)]
    public int MaxPerUser { get; set; } = 50;

    /// <summary>How often the bot's leader compares the alerts with the Scanner's latest prices.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this many alerts judged in one transaction; more are judged right after.</summary>
    [Range(1, 100_000)]
    public int Batch { get; set; } = 1000;
}
