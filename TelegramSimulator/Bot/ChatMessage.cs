namespace DMarketAspire.TelegramSimulator.Bot;

/// <summary>One message in a private chat, as the user sees it now (edits applied).</summary>
public sealed class ChatMessage
{
    public required int MessageId { get; init; }

    public required bool FromBot { get; init; }

    public required long Date { get; init; }

    /// <summary>The text after entity parsing: what Telegram counts against the 4,096-character limit.</summary>
    public string Text { get; set; } = "";

    /// <summary>The text as safe HTML for the chat page: only the tags Telegram renders, every other character escaped.</summary>
    public string Html { get; set; } = "";

    /// <summary>The bot's inline keyboard as sent (null: none).</summary>
    public JsonNode? ReplyMarkup { get; set; }

    public bool Silent { get; init; }

    public bool Edited { get; set; }

    public bool Deleted { get; set; }

    public int? PhotoBytes { get; init; }
}
