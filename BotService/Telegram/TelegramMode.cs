namespace DMarketAspire.BotService.Telegram;

public enum TelegramMode
{
    /// <summary>Long polling <c>getUpdates</c> from the one leader replica: needs no public endpoint.</summary>
    Polling,

    /// <summary>Telegram POSTs updates to <see cref="TelegramOptions.WebhookUrl"/>; every replica can take them.</summary>
    Webhook,
}
