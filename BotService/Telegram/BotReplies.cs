using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Telegram;

/// <summary>
/// Answers to the user's commands and presses, through the send gate: HTML with link previews off, "message is not
/// modified" taken as done, and Telegram's 429 honoured (pause, then try again). New messages keep to the chat's pace
/// (Telegram counts them per chat); edits and callback answers do not count there.
/// </summary>
public sealed class BotReplies(ITelegramBotClient client, TelegramSendGate gate)
{
    private const int MaxTooManyRequestsRetries = 2;
    private const bool NewMessage = true;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public Task<Message> SendAsync(long chatId, string html, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken, bool silent = false) =>
        WithGateAsync(chatId, NewMessage, () => client.SendMessage(chatId, html, ParseMode.Html, replyMarkup: buttons, linkPreviewOptions: NoPreview, disableNotification: silent, cancellationToken: cancellationToken), cancellationToken);

    public async Task EditAsync(long chatId, int messageId, string html, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        try
        {
            await WithGateAsync(chatId, !NewMessage, () => client.EditMessageText(chatId, messageId, html, ParseMode.Html, buttons, NoPreview, cancellationToken: cancellationToken), cancellationToken);
        }
        catch (Exception e) when (TelegramErrors.IsNotModified(e))
        {
            // A double tap, or the page the user is on: the message already shows this.
        }
    }

    /// <summary>A PNG with an HTML caption (Telegram allows 1024 characters of caption).</summary>
    public Task<Message> SendPhotoAsync(long chatId, byte[] png, string fileName, string captionHtml, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken) =>
        WithGateAsync(chatId, NewMessage, () => client.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(png), fileName), captionHtml, ParseMode.Html, replyMarkup: buttons, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Deletes a message of the chat; false when Telegram refused (too old, already gone).</summary>
    public async Task<bool> DeleteAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteMessage(chatId, messageId, cancellationToken);
            return true;
        }
        catch (Exception e) when (TelegramErrors.IsRejected(e))
        {
            return false;
        }
    }

    public async Task AnswerAsync(string callbackQueryId, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await client.AnswerCallbackQuery(callbackQueryId, text, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (TelegramErrors.IsRejected(e))
        {
            // Too old to answer: the button stops spinning on its own; the edit the press asked for was still made.
        }
    }

    private async Task<T> WithGateAsync<T>(long chatId, bool newMessage, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await (newMessage ? gate.WaitReplyTurnAsync(chatId, cancellationToken) : gate.WaitTurnAsync(cancellationToken));
            try
            {
                return await send();
            }
            catch (Exception e) when (TelegramErrors.IsTooManyRequests(e, out var retryAfter) && attempt < MaxTooManyRequestsRetries)
            {
                gate.Pause(retryAfter);
            }
        }
    }
}
