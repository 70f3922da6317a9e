using DMarketAspire.BotService.Telegram;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Updates;

/// <summary>Per-user anti-flood: a Redis counter per window, shared by every replica.</summary>
public sealed class AntiFlood(IConnectionMultiplexer redis, IOptions<TelegramOptions> telegram, IOptions<BotOptions> bot)
{
    public enum Verdict
    {
        Allowed,

        /// <summary>The first update over the limit: tell the user once.</summary>
        JustOverLimit,

        /// <summary>Still over: ignore silently.</summary>
        OverLimit,
    }

    public async Task<Verdict> CheckAsync(long userId)
    {
        var settings = bot.Value;
        var window = (long)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / settings.FloodWindow.TotalMilliseconds);
        RedisKey key = $"{telegram.Value.RedisKeyPrefix}flood:{userId}:{window}";
        var database = redis.GetDatabase();
        var count = await database.StringIncrementAsync(key);
        if (count == 1)
        {
            await database.KeyExpireAsync(key, settings.FloodWindow);
        }

        return count <= settings.FloodMaxUpdates ? Verdict.Allowed : count == settings.FloodMaxUpdates + 1 ? Verdict.JustOverLimit : Verdict.OverLimit;
    }

    public int WindowSeconds => (int)Math.Ceiling(bot.Value.FloodWindow.TotalSeconds);
}
