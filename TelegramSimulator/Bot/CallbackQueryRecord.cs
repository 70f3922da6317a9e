namespace DMarketAspire.TelegramSimulator.Bot;

/// <summary>A button press waiting for the bot's <c>answerCallbackQuery</c>, and the answer once given.</summary>
public sealed class CallbackQueryRecord
{
    public required string Id { get; init; }

    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public required string Data { get; init; }

    public required DateTimeOffset PressedAt { get; init; }

    public bool Answered { get; set; }

    public string? AnswerText { get; set; }

    public bool ShowAlert { get; set; }
}
