using DMarketAspire.TelegramSimulator.Bot;

namespace DMarketAspire.TelegramSimulator.Webhook;

/// <summary>
/// While a webhook is set, POSTs each update in order to it with the secret-token header; a non-2xx answer (or none)
/// makes it retry the same update with a growing delay, as Telegram does.
/// </summary>
public sealed partial class WebhookDelivery(
    SimulatedBot bot, IHttpClientFactory clients, IOptions<TelegramSimulatorOptions> options, TimeProvider time, ILogger<WebhookDelivery> logger) : BackgroundService
{
    public const string SecretTokenHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const string ClientName = "webhook";
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.WebhookRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var webhook = bot.Webhook;
            if (webhook is null)
            {
                // Polling mode: updates wait for getUpdates; look again in case a webhook is set.
                await Task.Delay(IdleCheck, time, stoppingToken);
                continue;
            }

            var arrived = bot.UpdateArrived();
            var update = bot.OldestPending();
            if (update is null)
            {
                await Task.WhenAny(arrived, Task.Delay(IdleCheck, time, stoppingToken));
                continue;
            }

            if (await TryDeliverAsync(webhook, update, stoppingToken))
            {
                bot.ConfirmUpTo((long)update["update_id"]!);
                delay = options.Value.WebhookRetryDelay;
                continue;
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.WebhookMaxRetryDelay.Ticks));
        }
    }

    private async Task<bool> TryDeliverAsync(WebhookConfiguration webhook, JsonObject update, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = JsonContent.Create(update) };
        if (webhook.SecretToken is not null)
        {
            request.Headers.Add(SecretTokenHeader, webhook.SecretToken);
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            webhook.LastErrorMessage = $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException exception)
        {
            webhook.LastErrorMessage = $"Connection failed: {exception.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            webhook.LastErrorMessage = "Read timeout expired";
        }

        webhook.LastErrorAt = time.GetUtcNow();
        LogDeliveryFailed(logger, (long)update["update_id"]!, webhook.LastErrorMessage);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery of update {UpdateId} failed: {Reason}; retrying.")]
    private static partial void LogDeliveryFailed(ILogger logger, long updateId, string reason);
}
