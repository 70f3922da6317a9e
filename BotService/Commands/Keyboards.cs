using DMarketAspire.BotService.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Commands;

/// <summary>The keyboards shared by several commands.</summary>
public static class Keyboards
{
    public static InlineKeyboardMarkup Menu(BotTexts t, bool paused) => new(
    [
        [Button(t.ButtonScan, "m", "scan"), Button(t.ButtonTop, "m", "top")],
        [Button(t.ButtonSettings, "m", "settings"), Button(t.ButtonStats, "m", "stats")],
        [paused ? Button(t.ButtonResume, "m", "resume") : Button(t.ButtonPause, "m", "pause"), Button(t.ButtonHelp, "m", "help")],
    ]);

    /// <summary>« Prev · n/N · Next »: the middle button re-shows the page (a refresh).</summary>
    public static InlineKeyboardMarkup? Pager(BotTexts t, int page, int pages, Func<int, string> data)
    {
        if (pages <= 1)
        {
            return null;
        }

        List<InlineKeyboardButton> row = [];
        if (page > 0)
        {
            row.Add(InlineKeyboardButton.WithCallbackData(t.ButtonPrevious, data(page - 1)));
        }

        row.Add(InlineKeyboardButton.WithCallbackData(t.Format(t.PageOf, page + 1, pages), data(page)));
        if (page < pages - 1)
        {
            row.Add(InlineKeyboardButton.WithCallbackData(t.ButtonNext, data(page + 1)));
        }

        return new InlineKeyboardMarkup(row);
    }

    /// <summary>The mark before a chosen option's label.</summary>
    public static string Check(bool on) => on ? "✅ " : "";

    public static InlineKeyboardButton Button(string text, params string[] data) => InlineKeyboardButton.WithCallbackData(text, CallbackData.Build(data));
}
