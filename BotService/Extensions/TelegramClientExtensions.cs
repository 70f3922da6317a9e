using DMarketAspire.BotService.Telegram;
using Microsoft.Extensions.Http.Resilience;
using Telegram.Bot;

namespace DMarketAspire.BotService.Extensions;

public static class TelegramClientExtensions
{
    public const string ClientName = "telegram";

    /// <summary>
    /// <see cref="ITelegramBotClient"/> (Telegram.Bot) as a typed HttpClient, so its calls get ServiceDefaults' telemetry
    /// and a resilience handler of its own (<c>Resilience:telegram</c>): an attempt timeout longer than the long poll,
    /// no automatic retries (every Bot API call is a POST, and a repeated <c>sendMessage</c> is a duplicate the user
    /// sees; the sender and the poller retry what is safe), and a breaker that ignores 429 (that is pacing, not failure).
    /// </summary>
    public static IHttpClientBuilder AddTelegramClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

        var client = builder.Services.AddHttpClient(ClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, services) =>
            {
                var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
                // Telegram.Bot's own 429 retry is off: the send gate pauses every sender for retry_after instead.
                return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl) { RetryCount = 0, RetryThreshold = 0 }, http);
            });

#pragma warning disable EXTEXP0001 // The documented way to replace the handler ConfigureHttpClientDefaults gives every client.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider services) =>
        {
            var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
            resilience.Retry.MaxRetryAttempts = 1;
            resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            resilience.AttemptTimeout.Timeout = options.RequestTimeout;
            resilience.TotalRequestTimeout.Timeout = options.RequestTimeout + TimeSpan.FromSeconds(5);
            resilience.CircuitBreaker.SamplingDuration = options.RequestTimeout * 2 + TimeSpan.FromSeconds(1);
            resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is HttpRequestException || (int?)args.Outcome.Result?.StatusCode >= 500);
        });
        return client;
    }
}
