using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DMarketAspire.TelegramSimulator.Webhook;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DMarketAspire.IntegrationTests.TelegramSimulator;

/// <summary>The Telegram simulator holds the bot to Telegram's rules: envelope, validation, updates, webhook, limits, faults.</summary>
public sealed class TelegramSimulatorTests(TelegramSimulatorTests.Fixture sim) : IClassFixture<TelegramSimulatorTests.Fixture>
{
    public sealed class Fixture : TelegramSimulatorFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["TelegramSimulator:WebhookRetryDelay"] = "00:00:00.100";
    }

    [Fact]
    public async Task AnswersWithTelegramsEnvelopeAndStatusCodes()
    {
        var (status, body) = await CallAsync("getMe", new { });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)body["ok"]!);
        Assert.True((bool)body["result"]!["is_bot"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await sim.Http.PostAsJsonAsync("/bot123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.Http.PostAsJsonAsync("/botnot-a-token/getMe", new { }, Ct)).StatusCode);
        var (unknownStatus, unknown) = await CallAsync("frobnicate", new { });
        Assert.Equal((HttpStatusCode.NotFound, 404, "Not Found"), (unknownStatus, (int)unknown["error_code"]!, (string)unknown["description"]!));
    }

    [Theory]
    [InlineData(null, "<b>bold &amp; <i>nested</i></b> &lt;3 &#128512;", null)]
    [InlineData(null, "", "Bad Request: message text is empty")]
    [InlineData(null, "<b>unclosed", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"")]
    [InlineData(null, "AK-47 & Co", "Bad Request: can't parse entities: Character '&' is reserved")]
    [InlineData(null, "1 < 2", "Bad Request: can't parse entities: Unclosed start tag")]
    [InlineData(null, "<blink>x</blink>", "Bad Request: can't parse entities: Unsupported start tag \"blink\"")]
    [InlineData(null, "<a href=\"javascript:alert(1)\">x</a>", "Bad Request: can't parse entities: Wrong link URL")]
    [InlineData(null, "<b>x</i>", "Bad Request: can't parse entities: Unmatched end tag")]
    [InlineData(null, "&nbsp;", "Bad Request: can't parse entities: Unsupported HTML entity")]
    [InlineData("{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"12345678901234567890123456789012345678901234567890123456789012345\"}]]}", "hi", "Bad Request: BUTTON_DATA_INVALID")]
    [InlineData("{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"яяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяя\"}]]}", "hi", "Bad Request: BUTTON_DATA_INVALID")]
    [InlineData("{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"яяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяя\"}]]}", "hi", null)]
    [InlineData("{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"\"}]]}", "hi", "Bad Request: BUTTON_DATA_INVALID")]
    [InlineData("{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"a\",\"url\":\"https://dmarket.com\"}]]}", "hi", "Bad Request: BUTTON_TYPE_INVALID")]
    [InlineData("{\"inline_keyboard\":[[{\"text\":\"x\",\"url\":\"ftp://dmarket.com\"}]]}", "hi", "Bad Request: BUTTON_URL_INVALID")]
    [InlineData("{\"inline_keyboard\":[[{\"callback_data\":\"a\"}]]}", "hi", "Bad Request: can't find field \"text\"")]
    public async Task SendMessageIsValidatedLikeTelegram(string? markup, string text, string? error)
    {
        const long chat = 10_001;
        await sim.SendAsync(chat, "/start");
        var (status, body) = await CallAsync("sendMessage", new { chat_id = chat, text, parse_mode = "HTML", reply_markup = markup is null ? null : JsonNode.Parse(markup) });
        if (error is null)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(error, (string)body["description"]!);
    }

    [Fact]
    public async Task TextLengthCountsAfterEntitiesAndUnknownChatsAreRefused()
    {
        const long chat = 10_002;
        await sim.SendAsync(chat, "/start");
        Assert.Equal(HttpStatusCode.OK, (await CallAsync("sendMessage", new { chat_id = chat, text = "<b>" + new string('x', 4096) + "</b>", parse_mode = "HTML" })).Status);
        var (tooLong, body) = await CallAsync("sendMessage", new { chat_id = chat, text = new string('x', 4097) });
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: message is too long"), (tooLong, (string)body["description"]!));
        var (unknown, unknownBody) = await CallAsync("sendMessage", new { chat_id = 999_999_999, text = "hi" });
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: chat not found"), (unknown, (string)unknownBody["description"]!));

        // A form body, as many clients send it: objects are JSON-encoded strings.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "form <i>body</i>",
            ["parse_mode"] = "HTML",
            ["reply_markup"] = "{\"inline_keyboard\":[[{\"text\":\"go\",\"callback_data\":\"go\"}]]}",
        });
        var formResponse = await sim.Http.PostAsync($"/bot{sim.Token}/sendMessage", form, Ct);
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        var shown = (await sim.ChatAsync(chat))!.Messages[^1];
        Assert.Equal(("form body", "form <i>body</i>", "go"), (shown.Text, shown.Html, shown.Buttons.Single().Single().CallbackData!));
    }

    [Fact]
    public async Task EditsApplyInTheChatAndAnUnchangedEditIsNotModified()
    {
        const long chat = 10_003;
        var userMessage = await sim.SendAsync(chat, "/start");
        var markup = JsonNode.Parse("{\"inline_keyboard\":[[{\"text\":\"Next\",\"callback_data\":\"p:1\"}]]}");
        var (_, sent) = await CallAsync("sendMessage", new { chat_id = chat, text = "page <b>1</b>", parse_mode = "HTML", reply_markup = markup });
        var id = (int)sent["result"]!["message_id"]!;

        var (same, sameBody) = await CallAsync("editMessageText", new { chat_id = chat, message_id = id, text = "page <b>1</b>", parse_mode = "HTML", reply_markup = markup });
        Assert.Equal(HttpStatusCode.BadRequest, same);
        Assert.StartsWith("Bad Request: message is not modified", (string)sameBody["description"]!);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync("editMessageText", new { chat_id = chat, message_id = id, text = "page <b>2</b>", parse_mode = "HTML", reply_markup = markup })).Status);
        Assert.Equal("Bad Request: message can't be edited", (string)(await CallAsync("editMessageText", new { chat_id = chat, message_id = userMessage.MessageId, text = "x" })).Body["description"]!);
        Assert.Equal("Bad Request: message to edit not found", (string)(await CallAsync("editMessageText", new { chat_id = chat, message_id = 4242, text = "x" })).Body["description"]!);

        var (_, second) = await CallAsync("sendMessage", new { chat_id = chat, text = "to delete" });
        Assert.Equal(HttpStatusCode.OK, (await CallAsync("deleteMessage", new { chat_id = chat, message_id = (int)second["result"]!["message_id"]! })).Status);
        var view = (await sim.ChatAsync(chat))!;
        Assert.Equal(["/start", "page 2"], view.Messages.Select(m => m.Text));
        Assert.True(view.Messages[1].Edited);

        // A press, its answer, and no second answer.
        var press = await sim.PressAsync(chat, id, "p:1");
        Assert.Equal(HttpStatusCode.BadRequest, (await CallAsync("answerCallbackQuery", new { callback_query_id = press.CallbackQueryId, text = new string('x', 201) })).Status);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync("answerCallbackQuery", new { callback_query_id = press.CallbackQueryId, text = "ok" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await CallAsync("answerCallbackQuery", new { callback_query_id = press.CallbackQueryId })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await sim.Http.PostAsJsonAsync($"/_sim/users/{chat}/callbacks", new { messageId = id, data = "not-on-the-keyboard" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task GetUpdatesLongPollsConfirmsByOffsetAndAllowsOnePollerAtATime()
    {
        // Drain whatever earlier tests queued, then start clean.
        var (_, drained) = await CallAsync("getUpdates", new { offset = -1, timeout = 0 });
        var last = drained["result"]!.AsArray().Select(u => (long)u!["update_id"]!).DefaultIfEmpty(0).Max();
        await CallAsync("getUpdates", new { offset = last + 1, timeout = 0 });

        var watch = Stopwatch.StartNew();
        var poll = CallAsync("getUpdates", new { timeout = 10, allowed_updates = new[] { "message", "callback_query" } });
        await Task.Delay(300, Ct);
        await sim.SendAsync(10_004, "/help");
        var (_, first) = await poll;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The long poll answered {watch.Elapsed} after starting: it should return as the update arrives.");
        var update = first["result"]!.AsArray().Single()!;
        Assert.Equal("/help", (string)update["message"]!["text"]!);
        Assert.Equal("bot_command", (string)update["message"]!["entities"]![0]!["type"]!);
        var id = (long)update["update_id"]!;

        // Not confirmed yet: delivered again. Confirmed by a higher offset: gone.
        Assert.Single((await CallAsync("getUpdates", new { timeout = 0 })).Body["result"]!.AsArray());
        Assert.Empty((await CallAsync("getUpdates", new { offset = id + 1, timeout = 0 })).Body["result"]!.AsArray());

        // A second poller ends the first with 409.
        var waiting = CallAsync("getUpdates", new { offset = id + 1, timeout = 10 });
        await Task.Delay(300, Ct);
        var second = CallAsync("getUpdates", new { offset = id + 1, timeout = 1 });
        var (conflict, conflictBody) = await waiting;
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", (string)conflictBody["description"]!);
        await second;
    }

    [Fact]
    public async Task AWebhookGetsEachUpdateWithTheSecretAndRetriesUntilAccepted()
    {
        var received = new List<(string? Secret, JsonNode Update)>();
        var failFirst = true;
        await using var receiver = await TestWebServer.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            var update = (await JsonNode.ParseAsync(request.Body, cancellationToken: Ct))!;
            lock (received)
            {
                received.Add((request.Headers[WebhookDelivery.SecretTokenHeader], update));
            }

            if (failFirst)
            {
                failFirst = false;
                return Results.StatusCode(500);
            }

            return Results.Ok();
        }));

        try
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await CallAsync("setWebhook", new { url = new Uri(receiver.BaseAddress, "/hook").ToString(), secret_token = "bad secret!" })).Status);
            Assert.Equal(HttpStatusCode.OK, (await CallAsync("setWebhook", new { url = new Uri(receiver.BaseAddress, "/hook").ToString(), secret_token = "s3cr3t_token-1", drop_pending_updates = true })).Status);
            var (conflict, conflictBody) = await CallAsync("getUpdates", new { timeout = 0 });
            Assert.Equal(HttpStatusCode.Conflict, conflict);
            Assert.StartsWith("Conflict: can't use getUpdates method while webhook is active", (string)conflictBody["description"]!);

            await sim.SendAsync(10_005, "/start");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                lock (received)
                {
                    if (received.Count >= 2)
                    {
                        break;
                    }
                }

                Assert.True(DateTime.UtcNow < deadline, "The webhook was not retried after its 500.");
                await Task.Delay(50, Ct);
            }

            lock (received)
            {
                Assert.All(received, r => Assert.Equal("s3cr3t_token-1", r.Secret));
                Assert.Equal((long)received[0].Update["update_id"]!, (long)received[1].Update["update_id"]!);
            }

            // The receiver counts an update when its request arrives, the simulator only once the 200 is back: wait for it.
            var pending = -1;
            for (var settle = DateTime.UtcNow.AddSeconds(5); pending != 0 && DateTime.UtcNow < settle; await Task.Delay(20, Ct))
            {
                pending = (int)(await CallAsync("getWebhookInfo", new { })).Body["result"]!["pending_update_count"]!;
            }

            Assert.Equal(0, pending);
        }
        finally
        {
            await CallAsync("deleteWebhook", new { });
        }
    }

    [Fact]
    public async Task FloodLimitsAnswer429WithRetryAfterAndInjectedFaultsFireAsAsked()
    {
        const long chat = 10_006;
        await sim.SendAsync(chat, "/start");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CallAsync("sendMessage", new { chat_id = chat, text = $"burst {i}" })).Status);
        }

        var (limited, body) = await CallAsync("sendMessage", new { chat_id = chat, text = "one too many" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.True((int)body["parameters"]!["retry_after"]! >= 1);
        Assert.StartsWith("Too Many Requests: retry after", (string)body["description"]!);

        const long faulty = 10_007;
        await sim.SendAsync(faulty, "/start");
        await sim.AddFaultAsync(new { method = "sendMessage", chatId = faulty, status = 502, delayMs = 0, times = 1 });
        await sim.AddFaultAsync(new { method = "sendMessage", chatId = faulty, status = 200, delayMs = 400, times = 1 });
        Assert.Equal(HttpStatusCode.BadGateway, (await CallAsync("sendMessage", new { chat_id = faulty, text = "a" })).Status);
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await CallAsync("sendMessage", new { chat_id = faulty, text = "b" })).Status);
        Assert.True(watch.ElapsedMilliseconds >= 380, $"The slow answer took {watch.ElapsedMilliseconds} ms.");
        Assert.Equal(HttpStatusCode.OK, (await CallAsync("sendMessage", new { chat_id = faulty, text = "c" })).Status);

        (await sim.Http.PostAsync($"/_sim/users/{faulty}/block", null, Ct)).EnsureSuccessStatusCode();
        var (blocked, blockedBody) = await CallAsync("sendMessage", new { chat_id = faulty, text = "d" });
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden: bot was blocked by the user"), (blocked, (string)blockedBody["description"]!));
    }

    [Fact]
    public async Task CommandsAreValidatedAndKeptPerLanguage()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await CallAsync("setMyCommands", new { commands = new[] { new { command = "Bad-Name", description = "x" } } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync("setMyCommands", new { commands = new[] { new { command = "start", description = "Начать" } }, language_code = "ru" })).Status);
        var (_, body) = await CallAsync("getMyCommands", new { language_code = "ru" });
        Assert.Equal("Начать", (string)body["result"]![0]!["description"]!);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> CallAsync(string method, object body)
    {
        var response = await sim.CallAsync(method, body);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
