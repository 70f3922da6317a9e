namespace DMarketAspire.TelegramSimulator.ChatPage;

/// <summary>The browser chat page at <c>/</c>: a newcomer with no Telegram token talks to the bot here.</summary>
public static class ChatPageEndpoints
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(ChatPageEndpoints).Assembly.GetManifestResourceStream("DMarketAspire.TelegramSimulator.ChatPage.chat.html")
            ?? throw new InvalidOperationException("The chat page is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Bytes(Page.Value, "text/html; charset=utf-8")).WithName("ChatPage").WithSummary("The browser chat page.");
        return app;
    }
}
