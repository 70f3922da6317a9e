using System.Net.Http.Json;
using System.Text.Json;
using DMarketAspire.TelegramSimulator;
using DMarketAspire.TelegramSimulator.Control;
using DMarketAspire.TelegramSimulator.Extensions;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.TelegramSimulator;

/// <summary>
/// A Telegram simulator on a real loopback port, and the user's side of it: type, press a button, read the chat,
/// count what the bot sent and what the simulator refused.
/// </summary>
public class TelegramSimulatorFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TestWebServer? _server;

    public Uri Address => _server!.BaseAddress;

    public string Token => TelegramSimulatorOptions.DemoToken;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The same user's-side helpers over a simulator someone else started (the AppHost's).</summary>
    public static TelegramSimulatorFixture Over(HttpClient http) => new() { Http = http };

    public IServiceProvider Services => _server!.Services;

    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        _server = await TestWebServer.StartAsync(
            app => app.MapTelegramSimulator(),
            builder =>
            {
                var settings = new Dictionary<string, string?>();
                Configure(settings);
                foreach (var (key, value) in settings)
                {
                    builder.Configuration[key] = value;
                }

                builder.AddServiceDefaults();
                builder.AddTelegramSimulator();
            });
        Http = _server.CreateClient();
    }

    public async Task<UserMessageResult> SendAsync(long userId, string text, string? languageCode = "en", string firstName = "Tester")
    {
        var response = await Http.PostAsJsonAsync($"/_sim/users/{userId}/messages", new UserMessageRequest(text, firstName, null, languageCode), Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UserMessageResult>(Json, Ct))!;
    }

    /// <summary>Presses the button as soon as the message shows it (the bot edits keyboards asynchronously).</summary>
    public async Task<ButtonPressResult> PressAsync(long userId, int messageId, string data)
    {
        await WaitForBotMessageAsync(userId, m => m.MessageId == messageId && m.Buttons.SelectMany(r => r).Any(b => b.CallbackData == data), what: $"a button {data}");
        return await PressAnyAsync(userId, messageId, data, force: false);
    }

    public async Task<ButtonPressResult> PressAnyAsync(long userId, int messageId, string data, bool force = true)
    {
        var response = await Http.PostAsJsonAsync($"/_sim/users/{userId}/callbacks", new ButtonPressRequest(messageId, data, force), Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ButtonPressResult>(Json, Ct))!;
    }

    public async Task<ChatView?> ChatAsync(long chatId)
    {
        var response = await Http.GetAsync($"/_sim/chats/{chatId}", Ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ChatView>(Json, Ct) : null;
    }

    /// <summary>Waits until the chat holds a bot message that <paramref name="match"/> accepts (edits included).</summary>
    public async Task<ChatMessageView> WaitForBotMessageAsync(long chatId, Func<ChatMessageView, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var chat = await ChatAsync(chatId);
            if (chat?.Messages.LastOrDefault(m => m.FromBot && match(m)) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("\n---\n", chat?.Messages.Where(m => m.FromBot).Select(m => m.Text) ?? []);
                throw new TimeoutException($"No bot message in chat {chatId} matched{(what is null ? "" : $" ({what})")}. Bot messages:\n{seen}");
            }

            await Task.Delay(50, Ct);
        }
    }

    public async Task<IReadOnlyList<SentMessage>> SentAsync(long? chatId = null) =>
        (await Http.GetFromJsonAsync<List<SentMessage>>(chatId is null ? "/_sim/sent" : $"/_sim/sent?chatId={chatId}", Json, Ct))!;

    public async Task<IReadOnlyList<RejectedCall>> RejectionsAsync() =>
        (await Http.GetFromJsonAsync<List<RejectedCall>>("/_sim/rejections", Json, Ct))!;

    public async Task<IReadOnlyList<RejectedCall>> ValidationRejectionsAsync() =>
        [.. (await RejectionsAsync()).Where(r => r.Kind == CallKind.Validation)];

    public async Task AddFaultAsync(object rule) => (await Http.PostAsJsonAsync("/_sim/faults", rule, Ct)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await Http.DeleteAsync("/_sim/faults", Ct)).EnsureSuccessStatusCode();

    public async Task<HttpResponseMessage> CallAsync(string method, object body) =>
        await Http.PostAsJsonAsync($"/bot{Token}/{method}", body, Ct);

    public virtual async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
