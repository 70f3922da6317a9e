using DMarketAspire.BotService.Commands;
using DMarketAspire.Trading.Autopilots;

namespace DMarketAspire.BotService.Autopilots;

/// <summary><c>/autopilot set &lt;key&gt; &lt;value&gt;</c> typed in the chat, as an <see cref="AutopilotChange"/> (dollars to cents).</summary>
public static class AutopilotSettingInput
{
    private const string All = "all";
    private const string None = "none";

    /// <summary>The keys, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["games", "levels", "skip", "minprofit", "minprofitusd", "liquidity", "maxprice", "daily", "positions", "share", "reserve", "failures", "loss", "sanity", "after", "paper", "report"];

    /// <summary>The change the words ask for; null when the key is unknown or the value is not of its kind.</summary>
    public static AutopilotChange? Parse(string key, IReadOnlyList<string> words)
    {
        var value = string.Join(' ', words).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        string[] List() => value.Equals(All, StringComparison.OrdinalIgnoreCase) || value.Equals(None, StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        long? Dollars() => UserInput.TryParseDollars(value.TrimStart('$'), out var cents) ? cents : null;
        decimal? Number() => UserInput.TryParseDecimal(value.TrimEnd('%', 'x', '×'), out var number) ? number : null;
        int? Whole() => UserInput.TryParseInt(value, out var number) ? number : null;

        return key.ToLowerInvariant() switch
        {
            "games" => new AutopilotChange { Games = [.. List().Select(g => g.ToLowerInvariant())] },
            "levels" => new AutopilotChange { Levels = [.. List().Select(l => l.ToLowerInvariant())] },
            "skip" => new AutopilotChange { SkipWords = List() },
            "minprofit" => Number() is { } p ? new AutopilotChange { MinProfitPercent = p } : null,
            "minprofitusd" => Dollars() is { } c ? new AutopilotChange { MinProfitCents = c } : null,
            "liquidity" => Whole() is { } l ? new AutopilotChange { MinLiquidity = l } : null,
            "maxprice" => Dollars() is { } c ? new AutopilotChange { MaxPriceCents = c } : null,
            "daily" => Dollars() is { } c ? new AutopilotChange { DailySpendCents = c } : null,
            "positions" => Whole() is { } n ? new AutopilotChange { MaxOpenPositions = n } : null,
            "share" => Number() is { } s ? new AutopilotChange { MaxBalanceSharePercent = s } : null,
            "reserve" => Dollars() is { } c ? new AutopilotChange { ReserveCents = c } : null,
            "failures" => Whole() is { } n ? new AutopilotChange { PauseAfterFailures = n } : null,
            "loss" => Dollars() is { } c ? new AutopilotChange { PauseAfterDailyLossCents = c } : null,
            "sanity" => Number() is { } m ? new AutopilotChange { SanityMultiple = m } : null,
            "after" => new AutopilotChange { AfterBuy = value },
            "paper" => Dollars() is { } c ? new AutopilotChange { PaperBalanceCents = c } : null,
            "report" => value.Equals("off", StringComparison.OrdinalIgnoreCase) ? new AutopilotChange { ReportHour = AutopilotSettingsRules.NoReport }
                : Whole() is { } h ? new AutopilotChange { ReportHour = h } : null,
            _ => null,
        };
    }
}
