namespace DMarketAspire.TelegramSimulator.Bot;

public sealed record WebhookConfiguration(Uri Url, string? SecretToken, int MaxConnections)
{
    public DateTimeOffset? LastErrorAt { get; set; }

    public string? LastErrorMessage { get; set; }
}
