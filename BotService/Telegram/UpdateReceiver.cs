using System.Collections.Concurrent;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Updates;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DMarketAspire.BotService.Telegram;

/// <summary>
/// The leader's side of Telegram: it registers the commands in both languages, then either long-polls
/// <c>getUpdates</c>, handling each chat's updates in order (chats side by side) and confirming only those handled, or sets the webhook
/// (with its secret token) that every replica then answers. Errors back off and never end the loop.
/// </summary>
public sealed partial class UpdateReceiver(
    BotLeadership leadership,
    ITelegramBotClient client,
    UpdateDispatcher dispatcher,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<UpdateReceiver> logger) : LeaderService(leadership)
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(3);

    protected override async Task LeadAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        await WithBackoffAsync(PrepareAsync, term);
        if (options.Value.Mode == TelegramMode.Webhook)
        {
            await Task.Delay(Timeout.Infinite, term);
            return;
        }

        await PollAsync(term, stoppingToken);
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var me = await client.GetMe(cancellationToken);
        identity.Username = me.Username;
        foreach (var texts in new[] { BotTexts.English, BotTexts.Russian })
        {
            var commands = texts.Commands.Select(c => new BotCommand { Command = c.Command, Description = c.Description });
            await client.SetMyCommands(commands, languageCode: texts == BotTexts.English ? null : texts.Code, cancellationToken: cancellationToken);
        }

        var settings = options.Value;
        if (settings.Mode == TelegramMode.Webhook)
        {
            await client.SetWebhook(settings.WebhookUrl!, allowedUpdates: AllowedUpdates, secretToken: settings.WebhookSecret, cancellationToken: cancellationToken);
            LogWebhookSet(logger, me.Username ?? "?");
        }
        else
        {
            // Polling and a webhook exclude each other: a webhook left from another deployment would make every poll 409.
            await client.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
            LogPolling(logger, me.Username ?? "?");
        }
    }

    private async Task PollAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        int? offset = null;
        var backoff = FirstBackoff;
        try
        {
            while (!term.IsCancellationRequested)
            {
                Update[] updates;
                try
                {
                    updates = await client.GetUpdates(offset, limit: 100, timeout: (int)settings.PollTimeout.TotalSeconds, AllowedUpdates, term);
                    backoff = FirstBackoff;
                }
                catch (Exception exception) when (!term.IsCancellationRequested)
                {
                    LogPollFailed(logger, exception, backoff.TotalSeconds);
                    await Task.Delay(backoff, time, term);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    continue;
                }

                var handled = new ConcurrentDictionary<int, bool>();
                try
                {
                    await HandleAsync(updates, handled, term, stoppingToken);
                }
                finally
                {
                    // Even when stopping cut the batch short: confirm the handled prefix, so the next leader starts after it.
                    offset = updates.TakeWhile(u => handled.ContainsKey(u.Id)).Select(u => (int?)u.Id + 1).LastOrDefault() ?? offset;
                }

                if (term.IsCancellationRequested)
                {
                    break;
                }
            }
        }
        finally
        {
            if (offset is { } confirmed && stoppingToken.IsCancellationRequested)
            {
                await ConfirmAsync(confirmed);
            }
        }
    }

    /// <summary>
    /// One poll's updates: chats side by side, each chat's in order, so a user whose replies wait for their chat's pace
    /// holds up nobody else in the batch. An update under way is finished even when leadership ends meanwhile (only a
    /// stopping service cuts it short); one not yet started is left for the next leader.
    /// </summary>
    private Task HandleAsync(Update[] updates, ConcurrentDictionary<int, bool> handled, CancellationToken term, CancellationToken stoppingToken) =>
        Task.WhenAll(updates.GroupBy(UpdateDispatcher.ChatOf).Select(async chat =>
        {
            foreach (var update in chat)
            {
                if (term.IsCancellationRequested)
                {
                    return;
                }

                await dispatcher.HandleAsync(update, stoppingToken);
                handled[update.Id] = true;
            }
        }));

    /// <summary>On shutdown, tells Telegram what was handled, so the next leader does not fetch it again.</summary>
    private async Task ConfirmAsync(int offset)
    {
        using var timeout = new CancellationTokenSource(ConfirmTimeout);
        try
        {
            await client.GetUpdates(offset, limit: 1, timeout: 0, AllowedUpdates, timeout.Token);
        }
        catch (Exception exception)
        {
            // The next leader will fetch them again; the processed-update marks make that harmless.
            LogConfirmFailed(logger, exception);
        }
    }

    private async Task WithBackoffAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        while (true)
        {
            try
            {
                await action(cancellationToken);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (exception is ApiRequestException { ErrorCode: 401 or 404 })
                {
                    LogBadToken(logger);
                }
                else
                {
                    LogPrepareFailed(logger, exception, backoff.TotalSeconds);
                }

                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling Telegram for @{Username}.")]
    private static partial void LogPolling(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook set for @{Username}; every replica answers it.")]
    private static partial void LogWebhookSet(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed; polling again in {Seconds} s.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting the bot up at Telegram failed; trying again in {Seconds} s.")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram does not accept the bot token (401/404): check Telegram:BotToken. Trying again with backoff.")]
    private static partial void LogBadToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirming the handled updates at shutdown failed.")]
    private static partial void LogConfirmFailed(ILogger logger, Exception exception);
}
