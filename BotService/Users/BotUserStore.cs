using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Users;

/// <summary>The bot's users in PostgreSQL: created on first contact with the defaults, kept current with Telegram's profile.</summary>
public sealed class BotUserStore(DMarketDbContext db, IOptions<BotOptions> bot, IOptions<NotificationOptions> notifications, TimeProvider time)
{
    /// <summary>The user, created if new (<c>IsNew</c>); a user who had blocked the bot and writes again is active again.</summary>
    public async Task<(BotUser User, bool IsNew)> GetOrCreateAsync(global::Telegram.Bot.Types.User from, long chatId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await db.BotUsers.FindAsync([from.Id], cancellationToken);
        var isNew = user is null;
        if (user is null)
        {
            user = new BotUser
            {
                Id = from.Id,
                ChatId = chatId,
                FirstName = Truncate(from.FirstName, 256),
                Username = from.Username is null ? null : Truncate(from.Username, 64),
                Language = BotTexts.FromTelegram(from.LanguageCode),
                TimeZone = "UTC",
                MinProfitPercent = bot.Value.DefaultMinProfitPercent,
                Mode = NotificationMode.Instant,
                DigestIntervalMinutes = notifications.Value.EffectiveDigestIntervals[0],
                DailyCap = notifications.Value.DefaultDailyCap,
                CreatedAt = now,
            };
            db.BotUsers.Add(user);
        }

        user.ChatId = chatId;
        user.FirstName = Truncate(from.FirstName, 256);
        user.Username = from.Username is null ? null : Truncate(from.Username, 64);
        user.Blocked = false;
        user.LastSeenAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Two updates of a brand-new user raced (webhook mode): the other one created the row.
            db.ChangeTracker.Clear();
            return (await db.BotUsers.SingleAsync(u => u.Id == from.Id, cancellationToken), false);
        }

        return (user, isNew);
    }

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
