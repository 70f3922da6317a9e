using System.Globalization;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Access;

/// <summary>
/// Admins' <c>/allow &lt;id|@username&gt;</c>, <c>/deny &lt;id|@username&gt;</c> and <c>/users</c> for a bot restricted by
/// <c>Telegram:AllowedUsers</c>. The configured entries are the AppHost's to change; these are kept in PostgreSQL.
/// A denied user who had used the bot is paused, so no notification reaches them either.
/// </summary>
public sealed class AccessCommands(DMarketDbContext db, BotReplies replies, IOptions<TelegramOptions> options, TimeProvider time)
{
    private const int MaxUsernameLength = 64;

    public async Task AllowAsync(CommandContext c, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(c, cancellationToken))
        {
            return;
        }

        if (Entry(c.Command.Arguments) is not { } entry)
        {
            await replies.SendAsync(c.ChatId, c.Texts.Format(c.Texts.AccessUsage, "/" + c.Command.Name), null, cancellationToken);
            return;
        }

        var (id, username) = entry;
        var exists = await db.AllowedUsers.AnyAsync(a => (id != null && a.TelegramUserId == id) || (username != null && a.Username == username), cancellationToken);
        if (!exists)
        {
            db.AllowedUsers.Add(new AllowedUser { TelegramUserId = id, Username = username, AddedBy = c.User.Id, AddedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (id is { } userId)
        {
            await db.BotUsers.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(b => b.Paused, false), cancellationToken);
        }

        await replies.SendAsync(c.ChatId, c.Texts.Format(c.Texts.AccessAllowed, Html.Escape(Show(id, username))), null, cancellationToken);
    }

    public async Task DenyAsync(CommandContext c, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(c, cancellationToken))
        {
            return;
        }

        if (Entry(c.Command.Arguments) is not { } entry)
        {
            await replies.SendAsync(c.ChatId, c.Texts.Format(c.Texts.AccessUsage, "/" + c.Command.Name), null, cancellationToken);
            return;
        }

        var (id, username) = entry;
        var removed = await db.AllowedUsers.Where(a => (id != null && a.TelegramUserId == id) || (username != null && a.Username == username)).ExecuteDeleteAsync(cancellationToken);
        var paused = await db.BotUsers.Where(u => (id != null && u.Id == id) || (username != null && u.Username != null && u.Username.ToLower() == username))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Paused, true), cancellationToken);
        var configured = options.Value.Allowed;
        var text = (id is { } i && configured.Ids.Contains(i)) || (username is not null && configured.Usernames.Contains(username))
            ? c.Texts.Format(c.Texts.AccessConfigured, Html.Escape(Show(id, username)))
            : removed + paused > 0 ? c.Texts.Format(c.Texts.AccessDenied, Html.Escape(Show(id, username))) : c.Texts.Format(c.Texts.AccessNotListed, Html.Escape(Show(id, username)));
        await replies.SendAsync(c.ChatId, text, null, cancellationToken);
    }

    public async Task UsersAsync(CommandContext c, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(c, cancellationToken))
        {
            return;
        }

        var configured = options.Value.Allowed;
        var added = await db.AllowedUsers.AsNoTracking().OrderBy(a => a.AddedAt).ToListAsync(cancellationToken);
        var lines = new List<string> { c.Texts.AccessHeader };
        lines.AddRange(configured.Ids.Select(i => "• " + i.ToString(CultureInfo.InvariantCulture) + " " + c.Texts.AccessFromConfiguration));
        lines.AddRange(configured.Usernames.Select(u => "• @" + Html.Escape(u) + " " + c.Texts.AccessFromConfiguration));
        lines.AddRange(added.Select(a => "• " + Html.Escape(Show(a.TelegramUserId, a.Username)) + " " + c.Texts.Format(c.Texts.AccessAddedBy, a.AddedBy, a.AddedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        await replies.SendAsync(c.ChatId, string.Join('\n', lines), null, cancellationToken);
    }

    /// <summary>Non-admins, and an open bot, get a reply saying why; true when the command stops there.</summary>
    private async Task<bool> RefusedAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var why = !c.IsAdmin ? c.Texts.AccessAdminsOnly : !options.Value.Restricted ? c.Texts.AccessOpen : null;
        if (why is not null)
        {
            await replies.SendAsync(c.ChatId, why, null, cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>The one argument as a user id or an @username; null when it is neither.</summary>
    private static (long? Id, string? Username)? Entry(IReadOnlyList<string> args)
    {
        if (args.Count == 1 && long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return (id, null);
        }

        if (args.Count == 1 && args[0].StartsWith('@') && args[0].Length is > 1 and <= MaxUsernameLength + 1 && args[0][1..].All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
        {
            return (null, args[0][1..].ToLowerInvariant());
        }

        return null;
    }

    private static string Show(long? id, string? username) => id?.ToString(CultureInfo.InvariantCulture) ?? "@" + username;
}
