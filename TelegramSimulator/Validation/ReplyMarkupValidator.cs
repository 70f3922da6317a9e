using System.Text;
using DMarketAspire.TelegramSimulator.BotApi;

namespace DMarketAspire.TelegramSimulator.Validation;

/// <summary>Inline keyboards as Telegram checks them: a text and exactly one action per button, callback data 1–64 bytes.</summary>
public static class ReplyMarkupValidator
{
    private const int MaxCallbackDataBytes = 64;
    private const int MaxButtons = 100;
    private static readonly string[] Actions = ["callback_data", "url", "switch_inline_query", "switch_inline_query_current_chat", "copy_text", "web_app", "login_url", "pay"];

    public static void Validate(JsonNode? markup)
    {
        if (markup is null)
        {
            return;
        }

        if (markup is not JsonObject markupObject)
        {
            throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
        }

        if (markupObject["inline_keyboard"] is not { } keyboard)
        {
            // Reply keyboards, removal and force-reply are outside what the bot uses; accept them as Telegram does.
            return;
        }

        if (keyboard is not JsonArray rows || rows.Any(r => r is not JsonArray))
        {
            throw BotApiException.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        }

        var count = 0;
        foreach (var row in rows.Cast<JsonArray>())
        {
            foreach (var button in row)
            {
                count++;
                if (button is not JsonObject b || b["text"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || string.IsNullOrEmpty((string?)b["text"]))
                {
                    throw BotApiException.BadRequest("can't find field \"text\"");
                }

                var actions = Actions.Count(a => b.ContainsKey(a));
                if (actions != 1)
                {
                    throw BotApiException.BadRequest("BUTTON_TYPE_INVALID");
                }

                if (b["callback_data"] is { } data)
                {
                    var value = data.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)data : null;
                    if (string.IsNullOrEmpty(value) || Encoding.UTF8.GetByteCount(value) > MaxCallbackDataBytes)
                    {
                        throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
                    }
                }

                if (b["url"] is { } url && !(Uri.TryCreate((string?)url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg"))
                {
                    throw BotApiException.BadRequest("BUTTON_URL_INVALID");
                }
            }
        }

        if (count > MaxButtons)
        {
            throw BotApiException.BadRequest("REPLY_MARKUP_TOO_LONG");
        }
    }
}
