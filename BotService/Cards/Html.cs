namespace DMarketAspire.BotService.Cards;

/// <summary>Escaping for Telegram's HTML parse mode: every user- or market-supplied string goes through here.</summary>
public static class Html
{
    public static string Escape(string? text) => global::Telegram.Bot.Extensions.HtmlText.Escape(text ?? "");
}
