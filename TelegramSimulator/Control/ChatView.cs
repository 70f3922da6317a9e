using DMarketAspire.TelegramSimulator.Bot;

namespace DMarketAspire.TelegramSimulator.Control;

/// <summary>A chat as its user sees it: edits applied, deleted messages gone, buttons and callback answers listed.</summary>
public sealed record ChatView(long ChatId, string FirstName, string? LanguageCode, bool Blocked, IReadOnlyList<ChatMessageView> Messages, IReadOnlyList<CallbackAnswerView> CallbackAnswers)
{
    public static ChatView From(SimulatedChat chat, IReadOnlyList<CallbackQueryRecord> callbacks, Lock syncRoot)
    {
        lock (syncRoot)
        {
            return new ChatView(
                chat.Id,
                chat.FirstName,
                chat.LanguageCode,
                chat.Blocked,
                [.. chat.Messages.Where(m => !m.Deleted).Select(ChatMessageView.From)],
                [.. callbacks.Select(c => new CallbackAnswerView(c.Id, c.MessageId, c.Data, c.Answered, c.AnswerText, c.ShowAlert))]);
        }
    }
}

public sealed record ChatMessageView(int MessageId, bool FromBot, long Date, string Text, string Html, bool Silent, bool Edited, bool Photo, IReadOnlyList<IReadOnlyList<ButtonView>> Buttons)
{
    public static ChatMessageView From(ChatMessage message) => new(
        message.MessageId,
        message.FromBot,
        message.Date,
        message.Text,
        message.Html,
        message.Silent,
        message.Edited,
        message.PhotoBytes is not null,
        message.ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().Select(row => (IReadOnlyList<ButtonView>)[.. row.OfType<JsonObject>().Select(b => new ButtonView((string?)b["text"] ?? "", (string?)b["callback_data"], (string?)b["url"]))])]
            : []);
}

public sealed record ButtonView(string Text, string? CallbackData, string? Url);

public sealed record CallbackAnswerView(string Id, int MessageId, string Data, bool Answered, string? Text, bool ShowAlert);
