using System.Globalization;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Commands;

/// <summary><c>/start</c>, <c>/help</c>, <c>/menu</c>, <c>/pause</c>, <c>/resume</c>, <c>/stats</c>, <c>/status</c> (admins).</summary>
public sealed class GeneralCommands(DMarketDbContext db, BotReplies replies, BotLeadership leadership, IOptions<TelegramOptions> telegram, TimeProvider time)
{
    public Task StartAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var text = c.IsNewUser
            ? t.Format(t.Welcome, Html.Escape(c.User.FirstName), c.User.MinProfitPercent.ToString("0.##", CultureInfo.InvariantCulture))
            : t.Format(t.WelcomeBack, Html.Escape(c.User.FirstName));
        return replies.SendAsync(c.ChatId, text, Keyboards.Menu(t, c.User.Paused), cancellationToken);
    }

    public Task HelpAsync(CommandContext c, CancellationToken cancellationToken) => replies.SendAsync(c.ChatId, c.Texts.Help, null, cancellationToken);

    public Task MenuAsync(CommandContext c, CancellationToken cancellationToken) => replies.SendAsync(c.ChatId, c.Texts.Menu, Keyboards.Menu(c.Texts, c.User.Paused), cancellationToken);

    public async Task PauseAsync(CommandContext c, CancellationToken cancellationToken) =>
        await replies.SendAsync(c.ChatId, await SetPausedAsync(c.User, paused: true, c.Texts, cancellationToken), null, cancellationToken);

    public async Task ResumeAsync(CommandContext c, CancellationToken cancellationToken) =>
        await replies.SendAsync(c.ChatId, await SetPausedAsync(c.User, paused: false, c.Texts, cancellationToken), null, cancellationToken);

    public async Task StatsAsync(CommandContext c, CancellationToken cancellationToken) =>
        await replies.SendAsync(c.ChatId, await StatsTextAsync(c.User, c.Texts, cancellationToken), null, cancellationToken);

    public async Task StatusAsync(CommandContext c, CancellationToken cancellationToken)
    {
        if (!c.IsAdmin)
        {
            await replies.SendAsync(c.ChatId, c.Texts.AdminsOnly, null, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var byStatus = await db.Notifications.GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var sentLastHour = await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent && n.SentAt >= now.AddHours(-1), cancellationToken);
        var users = await db.BotUsers.CountAsync(cancellationToken);
        var blocked = await db.BotUsers.CountAsync(u => u.Blocked, cancellationToken);
        var paused = await db.BotUsers.CountAsync(u => u.Paused, cancellationToken);
        var newestEvent = await db.OpportunityEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var checkpoint = await db.BotCheckpoints.Where(b => b.Name == BotCheckpoint.Notifications).Select(b => (long?)b.LastEventId).SingleOrDefaultAsync(cancellationToken) ?? 0;
        var active = await db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Active, cancellationToken);
        var t = c.Texts;
        var text = t.Format(
            t.Status,
            Html.Escape(await leadership.CurrentLeaderAsync() ?? "-"),
            telegram.Value.Mode.ToString().ToLowerInvariant(),
            users,
            blocked,
            paused,
            byStatus.GetValueOrDefault(NotificationStatus.Pending),
            byStatus.GetValueOrDefault(NotificationStatus.Sending),
            sentLastHour,
            byStatus.GetValueOrDefault(NotificationStatus.Failed),
            byStatus.GetValueOrDefault(NotificationStatus.Unconfirmed),
            Math.Max(0, newestEvent - checkpoint),
            active,
            await LastScanAsync(cancellationToken));
        await replies.SendAsync(c.ChatId, text, null, cancellationToken);
    }

    /// <summary>The menu's buttons: <c>m:pause</c> and <c>m:resume</c> flip the menu in place; the others answer anew.</summary>
    public async Task<string?> MenuPressAsync(CallbackContext c, CommandRouter router, CancellationToken cancellationToken)
    {
        switch (c.Part(1))
        {
            case "pause" or "resume":
                var answer = await SetPausedAsync(c.User, c.Part(1) == "pause", c.Texts, cancellationToken);
                await c.ShowAsync(c.Texts.Menu, Keyboards.Menu(c.Texts, c.User.Paused), cancellationToken);
                return answer.Length <= 200 ? answer : null;
            case "scan" or "top" or "settings" or "stats" or "help":
                await router.RunAsync(new CommandContext(c.User, c.Texts, new ParsedCommand(c.Part(1), []), c.ChatId, IsNewUser: false, c.IsAdmin), cancellationToken);
                return null;
            default:
                return c.Texts.ButtonExpired;
        }
    }

    private async Task<string> SetPausedAsync(BotUser user, bool paused, Localization.BotTexts t, CancellationToken cancellationToken)
    {
        if (user.Paused == paused)
        {
            return paused ? t.AlreadyPaused : t.AlreadyRunning;
        }

        user.Paused = paused;
        await db.SaveChangesAsync(cancellationToken);
        return paused ? t.Paused : t.Resumed;
    }

    private async Task<string> StatsTextAsync(BotUser user, Localization.BotTexts t, CancellationToken cancellationToken)
    {
        var dayStart = UserClock.StartOfLocalDay(user, time.GetUtcNow());
        var mine = db.Notifications.Where(n => n.UserId == user.Id);
        // Against the daily cap, which price alerts are outside of.
        var today = await mine.CountAsync(n => n.Status == NotificationStatus.Sent && n.SentAt >= dayStart && n.Kind == NotificationKind.Opportunity, cancellationToken);
        var total = await mine.CountAsync(n => n.Status == NotificationStatus.Sent, cancellationToken);
        var skipped = await mine.CountAsync(n => n.Status == NotificationStatus.Skipped, cancellationToken);
        var matching = await OpportunityFilter.Apply(db.Opportunities.AsNoTracking(), user).CountAsync(cancellationToken);
        return t.Format(t.Stats, today, user.DailyCap, total, skipped, matching, await LastScanAsync(cancellationToken));
    }

    private async Task<string> LastScanAsync(CancellationToken cancellationToken)
    {
        var last = await db.Scans.Where(s => s.FinishedAt != null).MaxAsync(s => s.FinishedAt, cancellationToken);
        return last is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "-";
    }
}
