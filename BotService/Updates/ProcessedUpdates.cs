using DMarketAspire.BotService.Telegram;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Updates;

/// <summary>
/// Update ids already handled, in Redis for as long as Telegram could deliver one again: a new leader re-reads the
/// updates its predecessor handled but had not confirmed, and a webhook delivery can repeat.
/// </summary>
public sealed class ProcessedUpdates(IConnectionMultiplexer redis, IOptions<TelegramOptions> telegram, IOptions<BotOptions> bot)
{
    public async Task<bool> ContainsAsync(int updateId) => await redis.GetDatabase().KeyExistsAsync(Key(updateId));

    public Task MarkAsync(int updateId) => redis.GetDatabase().StringSetAsync(Key(updateId), 1, bot.Value.ProcessedUpdateRetention);

    private RedisKey Key(int updateId) => $"{telegram.Value.RedisKeyPrefix}update:{updateId}";
}
