using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DMarketAspire.BotService.Access;

/// <summary>
/// Who may use a bot restricted by <c>Telegram:AllowedUsers</c>: the configured ids and @usernames, the admins, and
/// whoever an admin <c>/allow</c>ed. Checked before anything about the sender is stored; a stranger is told so once per
/// <see cref="TelegramOptions.RefusalInterval"/> (a Redis key that expires: their id, and only that, only that long).
/// </summary>
public sealed class AccessGate(DMarketDbContext db, IConnectionMultiplexer redis, BotReplies replies, IOptions<TelegramOptions> options)
{
    public async Task<bool> AllowsAsync(global::Telegram.Bot.Types.User from, CancellationToken cancellationToken)
    {
        var telegram = options.Value;
        if (!telegram.Restricted || telegram.AdminIds.Contains(from.Id))
        {
            return true;
        }

        var (ids, usernames) = telegram.Allowed;
        var username = from.Username?.ToLowerInvariant();
        if (ids.Contains(from.Id) || (username is not null && usernames.Contains(username)))
        {
            return true;
        }

        return await db.AllowedUsers.AsNoTracking().AnyAsync(a => a.TelegramUserId == from.Id || (username != null && a.Username == username), cancellationToken);
    }

    /// <summary>Refuses a stranger: politely the first time in the interval, silently after.</summary>
    public async Task RefuseAsync(global::Telegram.Bot.Types.User from, long chatId, CancellationToken cancellationToken)
    {
        var key = $"{options.Value.RedisKeyPrefix}refused:{from.Id}";
        if (await redis.GetDatabase().StringSetAsync(key, 1, options.Value.RefusalInterval, When.NotExists))
        {
            var texts = BotTexts.For(BotTexts.Languages.Contains(from.LanguageCode ?? string.Empty) ? from.LanguageCode! : BotTexts.Languages[0]);
            await replies.SendAsync(chatId, texts.NotAllowed, null, cancellationToken);
        }
    }
}
