using DMarketAspire.Trading.Autopilots;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Notifications;

/// <summary>
/// Drains the notifications outbox within Telegram's limits, from the leader only.
/// <para>
/// Exactly once as the user sees it: each row is claimed (<c>Sending</c>, with a fresh token) and committed right before
/// its one <c>sendMessage</c>, and the outcome is recorded right after, under the same token. A failure that proves the
/// message was not shown (429, 5xx, connection refused) puts the row back for a retry with backoff. If the sender dies,
/// or loses Telegram's answer, between claim and record, the row stays <c>Sending</c>; once the claim is older than
/// <see cref="NotificationOptions.ClaimTimeout"/> it becomes <c>Unconfirmed</c> and is never sent again, because Telegram
/// has no idempotency key and a second copy is worse than a (counted, visible in /status) maybe-missed one.
/// </para>
/// </summary>
public sealed partial class NotificationSender(
    BotLeadership leadership,
    IServiceScopeFactory scopes,
    ITelegramBotClient client,
    TelegramSendGate gate,
    OpportunityCard cards,
    Alerts.AlertCard alertCards,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<NotificationSender> logger) : LeaderService(leadership)
{
    private const int DueBatch = 200;
    private const int DigestBatch = 50;
    private const int MaxMessageLength = 4000;
    private static readonly global::Telegram.Bot.Types.LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    protected override async Task LeadAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        while (!term.IsCancellationRequested)
        {
            TimeSpan idle;
            try
            {
                idle = await DrainOnceAsync(term);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDrainFailed(logger, exception);
                idle = options.Value.PollInterval;
            }

            if (idle > TimeSpan.Zero)
            {
                await signal.WaitAsync(idle, term);
            }
        }
    }

    /// <summary>Sends what is due now; returns how long to wait before looking again (zero: at once).</summary>
    public async Task<TimeSpan> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DMarketDbContext>();
        var now = time.GetUtcNow();
        await MarkAbandonedClaimsAsync(db, now, cancellationToken);

        var due = await (
                from n in db.Notifications.AsNoTracking()
                where n.Status == NotificationStatus.Pending && n.DigestDueAt == null && n.NextAttemptAt <= now
                orderby n.Id
                join u in db.BotUsers.AsNoTracking() on n.UserId equals u.Id
                join o in db.Opportunities.AsNoTracking() on n.OpportunityId equals (long?)o.Id into opportunities
                from o in opportunities.DefaultIfEmpty()
                join a in db.PriceAlerts.AsNoTracking() on n.AlertId equals (long?)a.Id into alerts
                from a in alerts.DefaultIfEmpty()
                join e in db.OpportunityEvents.AsNoTracking() on n.EventId equals e.Id into events
                from e in events.DefaultIfEmpty()
                join b in db.Buys.AsNoTracking() on n.BuyId equals (long?)b.Id into buys
                from b in buys.DefaultIfEmpty()
                join tr in db.Trades.AsNoTracking() on n.TradeId equals (long?)tr.Id into trades
                from tr in trades.DefaultIfEmpty()
                join d in db.AutopilotDecisions.AsNoTracking() on n.DecisionId equals (long?)d.Id into decisions
                from d in decisions.DefaultIfEmpty()
                select new Due(n.Id, n.Kind, u, o, a, n.PriceCents, e == null ? (DateTimeOffset?)null : e.CreatedAt, b, tr, d, n.Title))
            .Take(DueBatch).ToListAsync(cancellationToken);

        var wait = settings.PollInterval;
        var sent = 0;
        var deferred = false;

        // A chat that had a message a moment ago, or whose user is being answered, waits: others go first, it later.
        bool TakeTurn(long chatId)
        {
            if (gate.TryTakeNotificationTurn(chatId, out var chatWait))
            {
                return true;
            }

            wait = chatWait < wait ? chatWait : wait;
            deferred = true;
            return false;
        }

        foreach (var chat in due.GroupBy(d => d.User.Id))
        {
            if (!TakeTurn(chat.First().User.ChatId))
            {
                continue;
            }

            using var activity = BotActivities.Source.StartActivity("notify");
            activity?.SetTag("bot.notifications", chat.Count());

            // Telegram allows a chat about one message a second: what piled up meanwhile goes as one message, so a busy
            // market delays nobody's news behind a queue of older cards. Alerts go first, in a message of their own.
            // The outcome of a buy goes first of all: it is about the user's money.
            var buys = chat.Where(d => d.Kind is NotificationKind.Buy or NotificationKind.Sale or NotificationKind.Autopilot or NotificationKind.AutopilotPaused).ToList();
            var reports = chat.Where(d => d.Kind == NotificationKind.AutopilotReport).ToList();
            var alerts = chat.Where(d => d.Kind == NotificationKind.PriceAlert).ToList();
            var opportunities = chat.Where(d => d.Kind == NotificationKind.Opportunity).ToList();
            await (buys.Count > 0 ? SendBuysAsync(db, buys, cancellationToken)
                : reports.Count > 0 ? SendReportAsync(db, scope.ServiceProvider.GetRequiredService<AutopilotReporter>(), reports[0], cancellationToken)
                : alerts.Count > 0 ? SendAlertsAsync(db, alerts, cancellationToken)
                : SendAsync(db, opportunities, cancellationToken));
            sent++;
        }

        var digestUsers = await db.BotUsers.AsNoTracking()
            .Where(u => db.Notifications.Any(n => n.UserId == u.Id && n.Status == NotificationStatus.Pending && n.DigestDueAt != null && n.DigestDueAt <= now))
            .OrderBy(u => u.Id).Take(DigestBatch).ToListAsync(cancellationToken);
        foreach (var user in digestUsers)
        {
            if (!TakeTurn(user.ChatId))
            {
                continue;
            }

            await SendDigestAsync(db, user, cancellationToken);
            sent++;
        }

        if (sent > 0 || due.Count == DueBatch)
        {
            return TimeSpan.Zero;
        }

        var next = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending)
            .MinAsync(n => (DateTimeOffset?)(n.DigestDueAt ?? n.NextAttemptAt), cancellationToken);
        // What was deferred waits for its chat's turn (in wait): a due time already past is that, not a reason to look at once.
        var untilNext = next is { } at ? at - time.GetUtcNow() : TimeSpan.MaxValue;
        if (untilNext < wait && (untilNext > TimeSpan.Zero || !deferred))
        {
            wait = untilNext;
        }

        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10);
    }

    private async Task SendAsync(DMarketDbContext db, List<Due> items, CancellationToken cancellationToken)
    {
        items = await SkipAsync(db, items, i => i.Opportunity is not { Status: OpportunityStatus.Active }, "gone before sending", cancellationToken);
        if (items.Count == 0)
        {
            return;
        }

        var user = items[0].User;
        await gate.WaitTurnAsync(cancellationToken);
        var texts = BotTexts.For(user.Language);
        var opportunities = items.Select(i => i.Opportunity!).ToList();
        var view = Notifications.OpportunityFilter.View(opportunities[0]);
        var (html, buttons) = items.Count == 1
            ? (texts.NewOpportunity + "\n" + cards.Render(view, texts, withLink: false), cards.Buttons(view, texts))
            : (ListText(texts, texts.Format(texts.NewOpportunities, items.Count), [.. opportunities.OrderByDescending(o => o.ProfitPercent).ThenBy(o => o.Id)], options.Value.DigestMaxItems), null);
        await SendClaimedAsync(db, items, html, buttons, cancellationToken);
    }

    /// <summary>Price alert crossings due for one chat, as one message; an alert deleted since it fired is not told.</summary>
    private async Task SendAlertsAsync(DMarketDbContext db, List<Due> items, CancellationToken cancellationToken)
    {
        items = await SkipAsync(db, items, i => i.Alert is null || i.PriceCents is null, "alert deleted before sending", cancellationToken);
        if (items.Count == 0)
        {
            return;
        }

        await gate.WaitTurnAsync(cancellationToken);
        var texts = BotTexts.For(items[0].User.Language);
        var fired = items.Select(i => (i.Alert!, i.PriceCents!.Value)).ToList();
        await SendClaimedAsync(db, items, alertCards.Render(fired, texts), alertCards.Buttons(fired, texts), cancellationToken);
    }

    /// <summary>Settled buys and sales due for one chat (the user's money), as one message.</summary>
    private async Task SendBuysAsync(DMarketDbContext db, List<Due> items, CancellationToken cancellationToken)
    {
        items = await SkipAsync(db, items, i => i.Buy is null && i.Trade is null && i.Decision is null && i.Kind != NotificationKind.AutopilotPaused, "deleted before sending", cancellationToken);
        if (items.Count == 0)
        {
            return;
        }

        await gate.WaitTurnAsync(cancellationToken);
        var texts = BotTexts.For(items[0].User.Language);
        var html = string.Join("\n\n", items.Select(i => i switch
        {
            { Buy: { } buy } => Trading.BuyCard.Settled(buy, texts),
            { Trade: { } trade } => Trading.SaleCard.Sold(trade, texts),
            { Decision: { } decision } => Autopilots.AutopilotCard.Told(decision, texts),
            _ => Autopilots.AutopilotCard.Paused(i.Subject, texts),
        }));
        await SendClaimedAsync(db, items, html, null, cancellationToken);
    }

    /// <summary>The autopilot's daily report, built now from what the database holds, as a chart with the figures below it.</summary>
    private async Task SendReportAsync(DMarketDbContext db, AutopilotReporter reporter, Due item, CancellationToken cancellationToken)
    {
        var user = item.User;
        var report = await reporter.BuildAsync(user.Id, time.GetUtcNow(), cancellationToken);
        var texts = BotTexts.For(user.Language);
        var caption = Autopilots.AutopilotReportCard.Caption(report, texts);
        var png = Autopilots.AutopilotReportCard.Chart(report, item.Subject);
        await gate.WaitTurnAsync(cancellationToken);
        var silent = UserClock.InQuietHours(user, time.GetUtcNow());
        var token = await ClaimAsync(db, n => n.Id == item.Id, silent, cancellationToken);
        if (token is null)
        {
            return;
        }

        try
        {
            var message = await client.SendPhoto(user.ChatId, global::Telegram.Bot.Types.InputFile.FromStream(new MemoryStream(png), "autopilot-" + item.Subject + ".png"), caption, ParseMode.Html, disableNotification: silent, cancellationToken: CancellationToken.None);
            await RecordSentAsync(db, token.Value, message.Id);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, token.Value, user, exception);
        }
    }

    private async Task<List<Due>> SkipAsync(DMarketDbContext db, List<Due> items, Func<Due, bool> stale, string reason, CancellationToken cancellationToken)
    {
        var gone = items.Where(stale).Select(i => i.Id).ToList();
        if (gone.Count == 0)
        {
            return items;
        }

        var skipped = await db.Notifications.Where(n => gone.Contains(n.Id) && n.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Skipped).SetProperty(n => n.Error, reason), cancellationToken);
        metrics.Notification("skipped", skipped);
        return [.. items.Where(i => !gone.Contains(i.Id))];
    }

    private async Task SendClaimedAsync(DMarketDbContext db, List<Due> items, string html, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        var user = items[0].User;
        var silent = UserClock.InQuietHours(user, time.GetUtcNow());
        var ids = items.Select(i => i.Id).ToList();
        var token = await ClaimAsync(db, n => ids.Contains(n.Id), silent, cancellationToken);
        if (token is null)
        {
            return;
        }

        // From here on the send is not cancelled: a request cut off mid-way would leave its outcome unknown.
        try
        {
            var message = await client.SendMessage(user.ChatId, html, ParseMode.Html, replyMarkup: buttons, linkPreviewOptions: NoPreview, disableNotification: silent, cancellationToken: CancellationToken.None);
            await RecordSentAsync(db, token.Value, message.Id);
            foreach (var eventAt in items.Select(i => i.EventAt).OfType<DateTimeOffset>())
            {
                metrics.Latency((time.GetUtcNow() - eventAt).TotalMilliseconds);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, token.Value, user, exception);
        }
    }

    private async Task SendDigestAsync(DMarketDbContext db, BotUser user, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await gate.WaitTurnAsync(cancellationToken);
        var now = time.GetUtcNow();
        var silent = UserClock.InQuietHours(user, now);
        var token = await ClaimAsync(db, n => n.UserId == user.Id && n.DigestDueAt != null && n.DigestDueAt <= now, silent, cancellationToken);
        if (token is null)
        {
            return;
        }

        var items = await (
                from n in db.Notifications.AsNoTracking()
                where n.ClaimToken == token
                join o in db.Opportunities.AsNoTracking() on n.OpportunityId equals (long?)o.Id
                select o)
            .ToListAsync(cancellationToken);
        var active = items.Where(o => o.Status == OpportunityStatus.Active).OrderByDescending(o => o.ProfitPercent).ThenBy(o => o.Id).ToList();
        if (active.Count == 0)
        {
            await db.Notifications.Where(n => n.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Skipped).SetProperty(n => n.Error, "gone before the digest"), CancellationToken.None);
            metrics.Notification("skipped", items.Count);
            return;
        }

        var texts = BotTexts.For(user.Language);
        var html = ListText(texts, texts.Format(texts.DigestHeader, active.Count), active, settings.DigestMaxItems);
        try
        {
            var message = await client.SendMessage(user.ChatId, html, ParseMode.Html, linkPreviewOptions: NoPreview, disableNotification: silent, cancellationToken: CancellationToken.None);
            await RecordSentAsync(db, token.Value, message.Id);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, token.Value, user, exception);
        }
    }

    /// <summary>A header, the best opportunities as cards, and how many more: within Telegram's length, whatever the titles.</summary>
    private string ListText(BotTexts texts, string header, List<Opportunity> active, int maxItems)
    {
        for (var shown = Math.Min(maxItems, active.Count); ; shown--)
        {
            var parts = new List<string> { header };
            parts.AddRange(active.Take(shown).Select(o => cards.Render(Notifications.OpportunityFilter.View(o), texts)));
            if (active.Count > shown)
            {
                parts.Add(texts.Format(texts.DigestMore, active.Count - shown));
            }

            var html = string.Join("\n\n", parts);
            if (html.Length <= MaxMessageLength || shown <= 1)
            {
                return html;
            }
        }
    }

    /// <summary>Claims the matching pending rows for one send; null when another sender got there first.</summary>
    private async Task<Guid?> ClaimAsync(DMarketDbContext db, System.Linq.Expressions.Expression<Func<Notification, bool>> which, bool silent, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var now = time.GetUtcNow();
        var claimed = await db.Notifications.Where(which).Where(n => n.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.ClaimToken, token)
                .SetProperty(n => n.ClaimedAt, now)
                .SetProperty(n => n.Silent, silent)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        return claimed > 0 ? token : null;
    }

    private async Task RecordSentAsync(DMarketDbContext db, Guid token, int messageId)
    {
        var now = time.GetUtcNow();
        var count = await db.Notifications.Where(n => n.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Sent)
                .SetProperty(n => n.SentAt, now)
                .SetProperty(n => n.TelegramMessageId, messageId)
                .SetProperty(n => n.Error, (string?)null), CancellationToken.None);
        metrics.Notification("sent", count);
    }

    private async Task RecordFailureAsync(DMarketDbContext db, Guid token, BotUser user, Exception exception)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var rows = db.Notifications.Where(n => n.ClaimToken == token);
        var error = Shorten(exception.Message);
        if (TelegramErrors.IsTooManyRequests(exception, out var retryAfter))
        {
            // Not shown, and not the row's fault: pause everyone, then the same row goes again (the attempt is not counted).
            gate.Pause(retryAfter);
            await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Pending).SetProperty(n => n.Attempts, n => n.Attempts - 1)
                .SetProperty(n => n.NextAttemptAt, now + retryAfter).SetProperty(n => n.Error, error), CancellationToken.None);
            metrics.Notification("retried");
            LogTooManyRequests(logger, retryAfter.TotalSeconds);
        }
        else if (TelegramErrors.IsChatGone(exception))
        {
            // One transaction: the user blocked, the row failed and their queue dropped are seen together, or none of them
            // (a crash in between left a blocked user with the row still claimed).
            var dropped = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.BotUsers.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Blocked, true), ct);
                await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed).SetProperty(n => n.Error, error), ct);
                var skipped = await db.Notifications.Where(n => n.UserId == user.Id && n.Status == NotificationStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Skipped).SetProperty(n => n.Error, "the user blocked the bot"), ct);
                await transaction.CommitAsync(ct);
                return skipped;
            }, CancellationToken.None);
            metrics.Notification("failed");
            metrics.Notification("skipped", dropped);
            LogUserBlocked(logger, user.Id);
        }
        else if (TelegramErrors.IsServerError(exception) || TelegramErrors.NeverArrived(exception))
        {
            var attempts = await rows.Select(n => n.Attempts).FirstOrDefaultAsync(CancellationToken.None);
            var exhausted = attempts >= settings.MaxAttempts;
            var delay = TimeSpan.FromTicks(Math.Min(settings.RetryMaxDelay.Ticks, settings.RetryBaseDelay.Ticks << Math.Min(attempts - 1, 20)));
            await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, exhausted ? NotificationStatus.Failed : NotificationStatus.Pending)
                .SetProperty(n => n.NextAttemptAt, now + delay).SetProperty(n => n.Error, error), CancellationToken.None);
            metrics.Notification(exhausted ? "failed" : "retried");
            LogTransientFailure(logger, exception, user.Id, attempts, exhausted ? "giving up" : $"retrying in {delay.TotalSeconds:0.#} s");
        }
        else if (TelegramErrors.IsRejected(exception))
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed).SetProperty(n => n.Error, error), CancellationToken.None);
            metrics.Notification("failed");
            LogRejected(logger, exception, user.Id);
        }
        else
        {
            // No answer (a timeout, a dropped connection): Telegram may have shown it. Never again, counted instead.
            await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Unconfirmed).SetProperty(n => n.Error, error), CancellationToken.None);
            metrics.Notification("unconfirmed");
            LogUnconfirmed(logger, exception, user.Id);
        }
    }

    private async Task MarkAbandonedClaimsAsync(DMarketDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.ClaimTimeout;
        var abandoned = await db.Notifications.Where(n => n.Status == NotificationStatus.Sending && n.ClaimedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Unconfirmed).SetProperty(n => n.Error, "the sender stopped between claiming and recording"), cancellationToken);
        if (abandoned > 0)
        {
            metrics.Notification("unconfirmed", abandoned);
            LogAbandoned(logger, abandoned);
        }
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];

    private sealed record Due(long Id, NotificationKind Kind, BotUser User, Opportunity? Opportunity, PriceAlert? Alert, long? PriceCents, DateTimeOffset? EventAt, Buy? Buy, Trade? Trade, AutopilotDecision? Decision, string Subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining the notifications outbox failed; trying again shortly.")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked to slow down: every send waits {Seconds} s.")]
    private static partial void LogTooManyRequests(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} blocked the bot (or deleted the chat); their notifications stop.")]
    private static partial void LogUserBlocked(ILogger logger, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to user {UserId} failed (attempt {Attempts}); {What}.")]
    private static partial void LogTransientFailure(ILogger logger, Exception exception, long userId, int attempts, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram rejected a notification to user {UserId}; it will not be retried.")]
    private static partial void LogRejected(ILogger logger, Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No answer from Telegram for a notification to user {UserId}: marked unconfirmed, not resent.")]
    private static partial void LogUnconfirmed(ILogger logger, Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} notifications were claimed by a sender that stopped before recording: marked unconfirmed, not resent.")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
