using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.BotService;

/// <summary>Bound from the <c>Bot</c> section: the conversation side of the bot.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Opportunities per page of <c>/scan</c> and <c>/top</c>.</summary>
    [Range(1, 20)]
    public int PageSize { get; set; } = 5;

    /// <summary>How many opportunities <c>/scan</c> and <c>/top</c> page through at most.</summary>
    [Range(1, 500)]
    public int MaxResults { get; set; } = 50;

    /// <summary>Anti-flood: at most <see cref="FloodMaxUpdates"/> messages and <see cref="FloodMaxPresses"/> button presses per user in this window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 1000)]
    public int FloodMaxUpdates { get; set; } = 10;

    [Range(1, 1000)]
    public int FloodMaxPresses { get; set; } = 30;

    /// <summary>A new user's minimum profit, in percent of the buy price.</summary>
    [Range(0, 1000)]
    public decimal DefaultMinProfitPercent { get; set; } = 5;

    /// <summary>Where item links point.</summary>
    [Required, Url]
    public string DMarketSiteUrl { get; set; } = "https://dmarket.com";

    /// <summary>Handled update ids are remembered this long (Telegram keeps an unconfirmed update 24 h).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ProcessedUpdateRetention { get; set; } = TimeSpan.FromHours(24);
}
