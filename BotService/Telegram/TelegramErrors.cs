using System.Net.Sockets;
using Telegram.Bot.Exceptions;

namespace DMarketAspire.BotService.Telegram;

/// <summary>Telegram's answers sorted by what to do about them (HTTP status first, description for the sub-cases).</summary>
public static class TelegramErrors
{
    public static bool IsNotModified(Exception e) => e is ApiRequestException { ErrorCode: 400 } api && api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    public static bool IsTooManyRequests(Exception e, out TimeSpan retryAfter)
    {
        if (e is ApiRequestException { ErrorCode: 429 } api)
        {
            retryAfter = TimeSpan.FromSeconds(api.Parameters?.RetryAfter ?? 1);
            return true;
        }

        retryAfter = default;
        return false;
    }

    /// <summary>The user blocked the bot, deleted the chat or their account: stop sending to them.</summary>
    public static bool IsChatGone(Exception e) =>
        e is ApiRequestException { ErrorCode: 403 }
        || (e is ApiRequestException { ErrorCode: 400 } api && api.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase));

    public static bool IsServerError(Exception e) => e is ApiRequestException { ErrorCode: >= 500 };

    /// <summary>Telegram refused the request itself (bad text, entities, buttons): sending it again cannot help.</summary>
    public static bool IsRejected(Exception e) => e is ApiRequestException { ErrorCode: >= 400 and < 500 };

    /// <summary>The request never reached Telegram (connection refused, name not resolved): safe to send again.</summary>
    public static bool NeverArrived(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable })
            {
                return true;
            }

            if (inner is Polly.CircuitBreaker.BrokenCircuitException)
            {
                return true;
            }
        }

        return false;
    }
}
