using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Commands;

/// <summary>
/// One button press to answer. <see cref="ShowAsync"/> edits the message the button was on, or sends a new one when
/// that message is no longer accessible (too old, or deleted).
/// </summary>
public sealed record CallbackContext(BotUser User, BotTexts Texts, string[] Data, long ChatId, int? MessageId, bool IsAdmin, BotReplies Replies)
{
    public string Part(int index) => index < Data.Length ? Data[index] : "";

    /// <summary>A part that is a whole number (an id, cents); null when it is not one.</summary>
    public long? Number(int index) => long.TryParse(Part(index), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public async Task ShowAsync(string html, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        if (MessageId is { } messageId)
        {
            await Replies.EditAsync(ChatId, messageId, html, buttons, cancellationToken);
        }
        else
        {
            await Replies.SendAsync(ChatId, html, buttons, cancellationToken);
        }
    }
}
