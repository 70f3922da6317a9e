namespace DMarketAspire.TelegramSimulator.Bot;

/// <summary>A private chat between the bot and one user; message ids count up per chat, shared by both sides.</summary>
public sealed class SimulatedChat(long userId, string firstName, string? username, string? languageCode)
{
    private int _lastMessageId;

    public long Id => userId;

    public string FirstName { get; set; } = firstName;

    public string? Username { get; set; } = username;

    public string? LanguageCode { get; set; } = languageCode;

    /// <summary>The user blocked the bot: every send gets 403.</summary>
    public bool Blocked { get; set; }

    public List<ChatMessage> Messages { get; } = [];

    public int NextMessageId() => ++_lastMessageId;

    public ChatMessage? Find(int messageId) => Messages.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted);

    public JsonObject UserJson() => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = FirstName,
        ["username"] = Username,
        ["language_code"] = LanguageCode,
    };

    public JsonObject ChatJson() => new() { ["id"] = userId, ["type"] = "private", ["first_name"] = FirstName, ["username"] = Username };
}
