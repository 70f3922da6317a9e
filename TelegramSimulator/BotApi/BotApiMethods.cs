using System.Text.RegularExpressions;
using DMarketAspire.TelegramSimulator.Bot;
using DMarketAspire.TelegramSimulator.Control;
using DMarketAspire.TelegramSimulator.Limits;
using DMarketAspire.TelegramSimulator.Validation;

namespace DMarketAspire.TelegramSimulator.BotApi;

/// <summary>The Bot API methods the bot uses, with Telegram's checks, limits and error texts.</summary>
public sealed partial class BotApiMethods(SimulatedBot bot, FloodControl flood, SimulatorStats stats, IOptions<TelegramSimulatorOptions> options)
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxCallbackAnswerLength = 200;
    private const int MaxPhotoBytes = 10 * 1024 * 1024;
    private const int MaxCommands = 100;
    private const int MaxUpdatesLimit = 100;

    public async Task<JsonNode?> InvokeAsync(string method, BotApiParameters p, CancellationToken cancellationToken) => method.ToLowerInvariant() switch
    {
        "getme" => GetMe(),
        "getupdates" => await GetUpdatesAsync(p, cancellationToken),
        "setwebhook" => SetWebhook(p),
        "deletewebhook" => DeleteWebhook(p),
        "getwebhookinfo" => GetWebhookInfo(),
        "sendmessage" => SendMessage(p),
        "sendphoto" => await SendPhotoAsync(p),
        "editmessagetext" => EditMessageText(p),
        "editmessagereplymarkup" => EditMessageReplyMarkup(p),
        "deletemessage" => DeleteMessage(p),
        "answercallbackquery" => AnswerCallbackQuery(p),
        "setmycommands" => SetMyCommands(p),
        "getmycommands" => GetMyCommands(p),
        "sendchataction" => SendChatAction(p),
        _ => throw new BotApiException(404, "Not Found"),
    };

    private JsonObject GetMe()
    {
        var me = bot.UserJson();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    private async Task<JsonNode> GetUpdatesAsync(BotApiParameters p, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Clamp(p.Long("limit") ?? MaxUpdatesLimit, 1, MaxUpdatesLimit);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, p.Long("timeout") ?? 0));
        if (timeout > options.Value.MaxLongPoll)
        {
            timeout = options.Value.MaxLongPoll;
        }

        var updates = await bot.GetUpdatesAsync(p.Long("offset"), limit, timeout, p.StringArray("allowed_updates"), cancellationToken);
        return new JsonArray([.. updates]);
    }

    private JsonNode SetWebhook(BotApiParameters p)
    {
        var url = p.RequiredString("url");
        if (url.Length == 0)
        {
            bot.SetWebhook(null, p.StringArray("allowed_updates"), p.Bool("drop_pending_updates"));
            return true;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw BotApiException.BadRequest("invalid webhook URL specified");
        }

        var secret = p.String("secret_token");
        if (secret is not null && !SecretTokenPattern().IsMatch(secret))
        {
            throw BotApiException.BadRequest("secret token contains unallowed characters");
        }

        var maxConnections = (int)(p.Long("max_connections") ?? 40);
        if (maxConnections is < 1 or > 100)
        {
            throw BotApiException.BadRequest("bad webhook: max_connections must be between 1 and 100");
        }

        bot.SetWebhook(new WebhookConfiguration(uri, secret, maxConnections), p.StringArray("allowed_updates"), p.Bool("drop_pending_updates"));
        return true;
    }

    private JsonNode DeleteWebhook(BotApiParameters p)
    {
        bot.SetWebhook(null, null, p.Bool("drop_pending_updates"));
        return true;
    }

    private JsonObject GetWebhookInfo() => new()
    {
        ["url"] = bot.Webhook?.Url.ToString() ?? "",
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = bot.PendingUpdateCount(),
        ["max_connections"] = bot.Webhook?.MaxConnections,
        ["last_error_date"] = bot.Webhook?.LastErrorAt?.ToUnixTimeSeconds(),
        ["last_error_message"] = bot.Webhook?.LastErrorMessage,
    };

    private JsonObject SendMessage(BotApiParameters p)
    {
        var chat = Chat(p);
        var (text, html) = Formatted(p.String("text"), p.String("parse_mode"), MaxTextLength, "message text is empty", "message is too long");
        var markup = p.Json("reply_markup");
        ReplyMarkupValidator.Validate(markup);
        return Deliver(chat, "sendMessage", text, html, markup, p.Bool("disable_notification"), photoBytes: null);
    }

    private async Task<JsonObject> SendPhotoAsync(BotApiParameters p)
    {
        var chat = Chat(p);
        var file = p.File("photo");
        if (file is null)
        {
            throw BotApiException.BadRequest(p.Has("photo") ? "wrong remote file identifier specified" : "there is no photo in the request");
        }

        if (file.Length is 0 or > MaxPhotoBytes)
        {
            throw BotApiException.BadRequest(file.Length == 0 ? "file must be non-empty" : "file is too big");
        }

        await using (var stream = file.OpenReadStream())
        {
            var header = new byte[8];
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
            if (read < 8 || !(header.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || header.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])))
            {
                throw BotApiException.BadRequest("IMAGE_PROCESS_FAILED");
            }
        }

        var caption = p.String("caption");
        var (text, html) = caption is null ? ("", "") : Formatted(caption, p.String("parse_mode"), MaxCaptionLength, "message caption is empty", "message caption is too long");
        var markup = p.Json("reply_markup");
        ReplyMarkupValidator.Validate(markup);
        var message = Deliver(chat, "sendPhoto", text, html, markup, p.Bool("disable_notification"), (int)file.Length);
        message.Remove("text");
        if (caption is not null)
        {
            message["caption"] = text;
        }

        message["photo"] = new JsonArray(new JsonObject
        {
            ["file_id"] = $"sim-photo-{chat.Id}-{message["message_id"]}",
            ["file_unique_id"] = $"u{chat.Id}{message["message_id"]}",
            ["width"] = 800,
            ["height"] = 450,
            ["file_size"] = file.Length,
        });
        return message;
    }

    private JsonObject EditMessageText(BotApiParameters p)
    {
        var chat = Chat(p, allowBlocked: false);
        var message = EditableMessage(chat, p);
        var (text, html) = Formatted(p.String("text"), p.String("parse_mode"), MaxTextLength, "message text is empty", "message is too long");
        var markup = p.Json("reply_markup");
        ReplyMarkupValidator.Validate(markup);
        lock (bot.SyncRoot)
        {
            if (message.Text == text && message.Html == html && JsonNode.DeepEquals(message.ReplyMarkup, markup))
            {
                throw NotModified();
            }

            message.Text = text;
            message.Html = html;
            message.ReplyMarkup = markup;
            message.Edited = true;
        }

        stats.Sent("editMessageText", chat.Id, message.MessageId, text, silent: true);
        return bot.MessageJson(chat, message);
    }

    private JsonObject EditMessageReplyMarkup(BotApiParameters p)
    {
        var chat = Chat(p, allowBlocked: false);
        var message = EditableMessage(chat, p);
        var markup = p.Json("reply_markup");
        ReplyMarkupValidator.Validate(markup);
        lock (bot.SyncRoot)
        {
            if (JsonNode.DeepEquals(message.ReplyMarkup, markup))
            {
                throw NotModified();
            }

            message.ReplyMarkup = markup;
            message.Edited = true;
        }

        stats.Sent("editMessageReplyMarkup", chat.Id, message.MessageId, message.Text, silent: true);
        return bot.MessageJson(chat, message);
    }

    private JsonNode DeleteMessage(BotApiParameters p)
    {
        var chat = Chat(p, allowBlocked: false);
        var messageId = (int)p.RequiredLong("message_id");
        lock (bot.SyncRoot)
        {
            var message = chat.Find(messageId) ?? throw BotApiException.BadRequest("message to delete not found");
            message.Deleted = true;
        }

        return true;
    }

    private JsonNode AnswerCallbackQuery(BotApiParameters p)
    {
        var text = p.String("text");
        if (text is { Length: > MaxCallbackAnswerLength })
        {
            throw BotApiException.BadRequest("MESSAGE_TOO_LONG");
        }

        return bot.AnswerCallbackQuery(p.RequiredString("callback_query_id"), text, p.Bool("show_alert"))
            ? true
            : throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
    }

    private JsonNode SetMyCommands(BotApiParameters p)
    {
        if (p.Json("commands") is not JsonArray commands)
        {
            throw BotApiException.BadRequest("can't parse commands JSON object");
        }

        if (commands.Count > MaxCommands)
        {
            throw BotApiException.BadRequest("too many commands");
        }

        foreach (var command in commands)
        {
            var name = (string?)command?["command"];
            var description = (string?)command?["description"];
            if (name is null || !CommandPattern().IsMatch(name))
            {
                throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (string.IsNullOrWhiteSpace(description) || description.Length > 256)
            {
                throw BotApiException.BadRequest("command description is empty or too long");
            }
        }

        bot.SetCommands(p.String("language_code") ?? "", commands);
        return true;
    }

    private JsonNode GetMyCommands(BotApiParameters p) =>
        bot.Commands()[p.String("language_code") is { Length: > 0 } language ? language : "default"]?.DeepClone() ?? new JsonArray();

    private JsonNode SendChatAction(BotApiParameters p)
    {
        Chat(p);
        return p.String("action") is { Length: > 0 } ? true : throw BotApiException.BadRequest("action is empty");
    }

    private SimulatedChat Chat(BotApiParameters p, bool allowBlocked = false)
    {
        var chatId = p.Has("chat_id") ? p.Long("chat_id") : throw BotApiException.BadRequest("chat_id is empty");
        var chat = chatId is { } id ? bot.FindChat(id) : null;
        if (chat is null)
        {
            throw BotApiException.BadRequest("chat not found");
        }

        if (chat.Blocked && !allowBlocked)
        {
            throw new BotApiException(403, "Forbidden: bot was blocked by the user");
        }

        return chat;
    }

    private ChatMessage EditableMessage(SimulatedChat chat, BotApiParameters p)
    {
        var messageId = (int)p.RequiredLong("message_id");
        lock (bot.SyncRoot)
        {
            var message = chat.Find(messageId) ?? throw BotApiException.BadRequest("message to edit not found");
            return message.FromBot ? message : throw BotApiException.BadRequest("message can't be edited");
        }
    }

    private static (string Text, string Html) Formatted(string? value, string? parseMode, int maxLength, string empty, string tooLong)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw BotApiException.BadRequest(empty);
        }

        (string text, string html) = parseMode?.ToLowerInvariant() switch
        {
            null or "" => (value, System.Net.WebUtility.HtmlEncode(value)),
            "html" => TelegramHtml.Parse(value) is var parsed ? (parsed.Text, parsed.SafeHtml) : default,
            // The bot sends HTML only; other modes pass through unchecked rather than pretend to validate them.
            "markdownv2" or "markdown" => (value, System.Net.WebUtility.HtmlEncode(value)),
            _ => throw BotApiException.BadRequest($"unsupported parse_mode \"{parseMode}\""),
        };

        if (text.Trim().Length == 0)
        {
            throw BotApiException.BadRequest(empty);
        }

        return text.Length > maxLength ? throw BotApiException.BadRequest(tooLong) : (text, html);
    }

    private JsonObject Deliver(SimulatedChat chat, string method, string text, string html, JsonNode? markup, bool silent, int? photoBytes)
    {
        flood.Admit(chat.Id);
        ChatMessage message;
        lock (bot.SyncRoot)
        {
            message = new ChatMessage
            {
                MessageId = chat.NextMessageId(),
                FromBot = true,
                Date = bot.Now(),
                Text = text,
                Html = html,
                ReplyMarkup = markup,
                Silent = silent,
                PhotoBytes = photoBytes,
            };
            chat.Messages.Add(message);
        }

        stats.Sent(method, chat.Id, message.MessageId, text, silent);
        return bot.MessageJson(chat, message);
    }

    private static BotApiException NotModified() => new(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        kind: CallKind.NotModified);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenPattern();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();
}
