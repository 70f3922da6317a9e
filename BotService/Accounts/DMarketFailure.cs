using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.DMarket.Client;

namespace DMarketAspire.BotService.Accounts;

/// <summary>What to tell a user when DMarket refused their keys or did not answer a call made for their account.</summary>
public static class DMarketFailure
{
    public static bool Is(Exception exception) => exception is DMarketApiException or DMarketProtocolException or HttpRequestException;

    public static string Reply(Exception exception, BotTexts t) => exception switch
    {
        DMarketAuthenticationException rejected => t.Format(t.KeysRejected, Html.Escape(rejected.Code ?? "401")),
        DMarketApiException api => t.Format(t.DMarketUnavailable, Html.Escape($"{(int)api.StatusCode} {api.Code}")),
        _ => t.Format(t.DMarketUnavailable, Html.Escape(exception.GetType().Name)),
    };
}
