using DMarketAspire.BotService.Telegram;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Updates;

/// <summary>
/// Per-user anti-flood, shared by every replica: the updates a user sent within a window, counted by when the user sent
/// them (a Redis sorted set per user, scored by the send time), not by when the bot got to them. Counted on arrival at
/// the handler, a burst spread out by the bot's own pace (replies go at a chat's pace, and the next update waits for
/// them) outlasted the window and was never told (seen in CI: 16 commands answered 15 times, no warning).
/// </summary>
public sealed partial class AntiFlood(IConnectionMultiplexer redis, IOptions<TelegramOptions> telegram, IOptions<BotOptions> bot, TimeProvider time, ILogger<AntiFlood> logger)
{
    public enum Verdict
    {
        Allowed,

        /// <summary>The first update over the limit: tell the user once.</summary>
        JustOverLimit,

        /// <summary>Still over: ignore silently.</summary>
        OverLimit,
    }

    /// <param name="updateId">Tells one update from another sent in the same second.</param>
    /// <param name="sentAt">When the user sent it (a message's date); a button press carries none, so it counts from now.</param>
    /// <param name="press">A button press: counted apart, with a higher limit (going through settings takes many).</param>
    public async Task<Verdict> CheckAsync(long userId, string updateId, DateTimeOffset? sentAt = null, bool press = false)
    {
        try
        {
            return await CountAsync(userId, updateId, sentAt ?? time.GetUtcNow(), press);
        }
        catch (RedisException exception)
        {
            // Without Redis nobody is throttled: a flood costs replies, a lost command costs a user.
            LogUnavailable(logger, exception);
            return Verdict.Allowed;
        }
    }

    private async Task<Verdict> CountAsync(long userId, string updateId, DateTimeOffset sentAt, bool press)
    {
        var settings = bot.Value;
        var limit = press ? settings.FloodMaxPresses : settings.FloodMaxUpdates;
        RedisKey key = $"{telegram.Value.RedisKeyPrefix}flood:{(press ? "press" : "message")}:{userId}";
        var sent = sentAt.ToUnixTimeMilliseconds();

        // MULTI/EXEC, no Lua: the same on Redis and Garnet.
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.SortedSetAddAsync(key, updateId, sent);
        _ = transaction.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, sent - settings.FloodWindow.TotalMilliseconds, Exclude.Stop);
        var counting = transaction.SortedSetLengthAsync(key, double.NegativeInfinity, sent);
        _ = transaction.KeyExpireAsync(key, settings.FloodWindow * 2);
        await transaction.ExecuteAsync();
        var count = await counting;

        return count <= limit ? Verdict.Allowed : count == limit + 1 ? Verdict.JustOverLimit : Verdict.OverLimit;
    }
    public int WindowSeconds => (int)Math.Ceiling(bot.Value.FloodWindow.TotalSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for the anti-flood check; letting the update through.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
