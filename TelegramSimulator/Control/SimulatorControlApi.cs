using DMarketAspire.TelegramSimulator.Bot;
using DMarketAspire.TelegramSimulator.Faults;
using DMarketAspire.TelegramSimulator.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.TelegramSimulator.Control;

/// <summary>The simulator's own controls under /_sim: users typing and pressing buttons, chats, counts, faults.</summary>
public static class SimulatorControlApi
{
    public const string Prefix = "/_sim";

    public static IEndpointRouteBuilder MapSimulatorControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Simulator control");
        api.MapPut("/users/{userId:long}", (long userId, UserProfile profile, SimulatedBot bot) =>
        {
            bot.GetOrAddChat(userId, profile.FirstName, profile.Username, profile.LanguageCode);
            return TypedResults.NoContent();
        }).WithName("AddUser").WithSummary("A user who has opened a chat with the bot (without a message the bot must answer).");
        api.MapPost("/users/{userId:long}/messages", SendUserMessage).WithName("SendUserMessage").WithSummary("The user types a message (a command gets its bot_command entity).");
        api.MapPost("/users/{userId:long}/callbacks", PressButton).WithName("PressButton").WithSummary("The user presses an inline button of one of the bot's messages.");
        api.MapPost("/users/{userId:long}/block", (long userId, SimulatedBot bot) => SetBlocked(userId, bot, blocked: true)).WithName("BlockBot").WithSummary("The user blocks the bot: sends get 403.");
        api.MapPost("/users/{userId:long}/unblock", (long userId, SimulatedBot bot) => SetBlocked(userId, bot, blocked: false)).WithName("UnblockBot");
        api.MapGet("/chats", (SimulatedBot bot) => TypedResults.Ok(bot.Chats().Select(c => new { c.Id, c.FirstName, c.LanguageCode, c.Blocked }))).WithName("ListChats");
        api.MapGet("/chats/{chatId:long}", GetChat).WithName("GetChat").WithSummary("The chat as its user sees it.");
        api.MapGet("/sent", ([FromQuery] long? chatId, SimulatorStats stats) => TypedResults.Ok(stats.SentMessages(chatId))).WithName("ListSent").WithSummary("Every message and edit the simulator accepted.");
        api.MapGet("/rejections", (SimulatorStats stats) => TypedResults.Ok(stats.Rejections())).WithName("ListRejections").WithSummary("Every call refused, with whose doing it was.");
        api.MapGet("/stats", (SimulatorStats stats) => TypedResults.Ok(stats.Snapshot())).WithName("GetStats").WithSummary("Calls per method, sends per second, refusals by kind.");
        api.MapGet("/commands", (SimulatedBot bot) => TypedResults.Ok(bot.Commands())).WithName("GetCommands").WithSummary("The bot's commands per language (setMyCommands).");
        api.MapGet("/faults", (FaultInjector faults) => TypedResults.Ok(faults.Active())).WithName("GetFaults");
        api.MapPost("/faults", AddFault).WithName("AddFault").WithSummary("Injects 429 storms, 5xx, 403 or slow answers.");
        api.MapDelete("/faults", (FaultInjector faults) => { faults.Clear(); return TypedResults.NoContent(); }).WithName("ClearFaults");
        api.MapPost("/reset", Reset).WithName("Reset").WithSummary("Forgets every chat, update, count and fault.");
        return app;
    }

    private static Ok<UserMessageResult> SendUserMessage(long userId, UserMessageRequest request, SimulatedBot bot)
    {
        var chat = bot.GetOrAddChat(userId, request.FirstName, request.Username, request.LanguageCode);
        ChatMessage message;
        lock (bot.SyncRoot)
        {
            message = new ChatMessage { MessageId = chat.NextMessageId(), FromBot = false, Date = bot.Now(), Text = request.Text, Html = System.Net.WebUtility.HtmlEncode(request.Text) };
            chat.Messages.Add(message);
        }

        var payload = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = chat.UserJson(),
            ["chat"] = chat.ChatJson(),
            ["date"] = message.Date,
            ["text"] = request.Text,
        };
        if (request.Text.StartsWith('/'))
        {
            var length = request.Text.IndexOfAny([' ', '\n', '\t']) is var end and >= 0 ? end : request.Text.Length;
            payload["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return TypedResults.Ok(new UserMessageResult(message.MessageId, bot.Enqueue("message", payload)));
    }

    private static Results<Ok<ButtonPressResult>, NotFound<string>, BadRequest<string>> PressButton(long userId, ButtonPressRequest request, SimulatedBot bot)
    {
        var chat = bot.FindChat(userId);
        ChatMessage? message;
        lock (bot.SyncRoot)
        {
            message = chat?.Find(request.MessageId);
        }

        if (chat is null || message is null || !message.FromBot)
        {
            return TypedResults.NotFound("No such bot message in this chat.");
        }

        var view = ChatMessageView.From(message);
        if (!request.Force && !view.Buttons.SelectMany(r => r).Any(b => b.CallbackData == request.Data))
        {
            return TypedResults.BadRequest("That message has no button with this callback data.");
        }

        var query = bot.AddCallbackQuery(chat.Id, message.MessageId, request.Data);
        JsonObject messageJson;
        lock (bot.SyncRoot)
        {
            messageJson = bot.MessageJson(chat, message);
        }

        var payload = new JsonObject
        {
            ["id"] = query.Id,
            ["from"] = chat.UserJson(),
            ["message"] = messageJson,
            ["chat_instance"] = $"ci{chat.Id}",
            ["data"] = request.Data,
        };
        return TypedResults.Ok(new ButtonPressResult(query.Id, bot.Enqueue("callback_query", payload)));
    }

    private static Results<NoContent, NotFound> SetBlocked(long userId, SimulatedBot bot, bool blocked)
    {
        var chat = bot.FindChat(userId);
        if (chat is null)
        {
            return TypedResults.NotFound();
        }

        chat.Blocked = blocked;
        bot.Enqueue("my_chat_member", new JsonObject
        {
            ["chat"] = chat.ChatJson(),
            ["from"] = chat.UserJson(),
            ["date"] = bot.Now(),
            ["old_chat_member"] = new JsonObject { ["status"] = blocked ? "member" : "kicked", ["user"] = bot.UserJson() },
            ["new_chat_member"] = new JsonObject { ["status"] = blocked ? "kicked" : "member", ["user"] = bot.UserJson() },
        });
        return TypedResults.NoContent();
    }

    private static Results<Ok<ChatView>, NotFound> GetChat(long chatId, SimulatedBot bot) =>
        bot.FindChat(chatId) is { } chat ? TypedResults.Ok(ChatView.From(chat, bot.CallbackQueries(chatId), bot.SyncRoot)) : TypedResults.NotFound();

    private static Results<NoContent, BadRequest<string>> AddFault(FaultRule rule, FaultInjector faults)
    {
        if (rule.Status is < 200 or > 599 || rule.DelayMs < 0 || rule.Times is <= 0 || rule.Seconds is <= 0 || (rule.Times is null && rule.Seconds is null))
        {
            return TypedResults.BadRequest("status 200–599, delayMs ≥ 0, and times > 0 or seconds > 0.");
        }

        faults.Add(rule);
        return TypedResults.NoContent();
    }

    private static NoContent Reset(SimulatedBot bot, SimulatorStats stats, FaultInjector faults, FloodControl flood)
    {
        bot.Reset();
        stats.Reset();
        faults.Clear();
        flood.Reset();
        return TypedResults.NoContent();
    }
}
