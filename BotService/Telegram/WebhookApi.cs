using System.Security.Cryptography;
using System.Text;
using DMarketAspire.BotService.Updates;
using Microsoft.AspNetCore.Http.HttpResults;
using Telegram.Bot.Types;

namespace DMarketAspire.BotService.Telegram;

/// <summary><c>POST /telegram/webhook</c>: Telegram's deliveries in webhook mode, accepted only with the secret token.</summary>
public static class WebhookApi
{
    public const string Path = "/telegram/webhook";
    public const string SecretTokenHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).WithName("TelegramWebhook").WithSummary("Telegram delivers one update (webhook mode only).").ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, NotFound, BadRequest>> ReceiveAsync(
        HttpRequest request, UpdateDispatcher dispatcher, IOptions<TelegramOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Mode != TelegramMode.Webhook)
        {
            return TypedResults.NotFound();
        }

        var given = Encoding.UTF8.GetBytes(request.Headers[SecretTokenHeader].ToString());
        var expected = Encoding.UTF8.GetBytes(settings.WebhookSecret ?? "");
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return TypedResults.Unauthorized();
        }

        Update? update;
        try
        {
            update = await System.Text.Json.JsonSerializer.DeserializeAsync<Update>(request.Body, global::Telegram.Bot.JsonBotAPI.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return TypedResults.BadRequest();
        }

        if (update is null)
        {
            return TypedResults.BadRequest();
        }

        // Telegram resends until it gets a 2xx; a failing handler is logged by the dispatcher and still answered 200.
        await dispatcher.HandleAsync(update, cancellationToken);
        return TypedResults.Ok();
    }
}
