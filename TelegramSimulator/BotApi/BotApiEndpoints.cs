using System.Text.RegularExpressions;
using DMarketAspire.TelegramSimulator.Control;
using DMarketAspire.TelegramSimulator.Faults;

namespace DMarketAspire.TelegramSimulator.BotApi;

/// <summary><c>/bot&lt;token&gt;/&lt;method&gt;</c>, any HTTP method, answered with Telegram's envelope and status codes.</summary>
public static partial class BotApiEndpoints
{
    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app)
    {
        app.Map("/bot{token}/{method}", HandleAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task HandleAsync(
        HttpContext context, string token, string method, BotApiMethods methods, FaultInjector faults, SimulatorStats stats, IOptions<TelegramSimulatorOptions> options)
    {
        long? chatId = null;
        try
        {
            if (!TokenPattern().IsMatch(token))
            {
                throw new BotApiException(404, "Not Found");
            }

            if (!string.Equals(token, options.Value.BotToken, StringComparison.Ordinal))
            {
                throw new BotApiException(401, "Unauthorized");
            }

            var parameters = await BotApiParameters.ReadAsync(context.Request);
            chatId = SafeChatId(parameters);
            stats.Call(method);
            await faults.ApplyAsync(method, chatId, context.RequestAborted);
            var result = await methods.InvokeAsync(method, parameters, context.RequestAborted);
            await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = result }, context.RequestAborted);
        }
        catch (BotApiException error)
        {
            stats.Rejected(method, chatId, error.ErrorCode, error.Message, error.Kind);
            context.Response.StatusCode = error.ErrorCode;
            var body = new JsonObject { ["ok"] = false, ["error_code"] = error.ErrorCode, ["description"] = error.Message };
            if (error.RetryAfter is { } retryAfter)
            {
                body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
            }

            await context.Response.WriteAsJsonAsync(body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The bot hung up (its own timeout, or it stopped); nobody is left to answer.
        }
    }

    private static long? SafeChatId(BotApiParameters parameters)
    {
        try
        {
            return parameters.Long("chat_id");
        }
        catch (BotApiException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\d{1,20}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenPattern();
}
