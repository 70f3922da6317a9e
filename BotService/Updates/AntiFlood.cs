using DMarketAspire.BotService.Telegram;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Updates;

/// <summary>
/// Per-user anti-flood, shared by every replica: a Redis counter that starts with the user's first update and expires a
/// window later, so a burst is counted in one window whenever it starts.
/// </summary>
public sealed partial class AntiFlood(IConnectionMultiplexer redis, IOptions<TelegramOptions> telegram, IOptions<BotOptions> bot, ILogger<AntiFlood> logger)
{
    public enum Verdict
    {
        Allowed,

        /// <summary>The first update over the limit: tell the user once.</summary>
        JustOverLimit,

        /// <summary>Still over: ignore silently.</summary>
        OverLimit,
    }

    /// <param name="press">A button press: counted apart, with a higher limit (going through settings takes many).</param>
    public async Task<Verdict> CheckAsync(long userId, bool press = false)
    {
        try
        {
            return await CountAsync(userId, press);
        }
        catch (RedisException exception)
        {
            // Without Redis nobody is throttled: a flood costs replies, a lost command costs a user.
            LogUnavailable(logger, exception);
            return Verdict.Allowed;
        }
    }

    private async Task<Verdict> CountAsync(long userId, bool press)
    {
        var settings = bot.Value;
        var limit = press ? settings.FloodMaxPresses : settings.FloodMaxUpdates;
        RedisKey key = $"{telegram.Value.RedisKeyPrefix}flood:{(press ? "press" : "message")}:{userId}";
        var database = redis.GetDatabase();
        var count = await database.StringIncrementAsync(key);
        if (count == 1)
        {
            await database.KeyExpireAsync(key, settings.FloodWindow);
        }

        return count <= limit ? Verdict.Allowed : count == limit + 1 ? Verdict.JustOverLimit : Verdict.OverLimit;
    }

    public int WindowSeconds => (int)Math.Ceiling(bot.Value.FloodWindow.TotalSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for the anti-flood check; letting the update through.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
