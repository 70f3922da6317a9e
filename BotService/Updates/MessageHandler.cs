using System.Globalization;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.BotService.Users;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DMarketAspire.BotService.Updates;

/// <summary>A message from a user: anti-flood first, then the command it holds, or a hint when it holds none.</summary>
public sealed partial class MessageHandler(
    BotUserStore users, Access.AccessGate access, AntiFlood flood, BotReplies replies, CommandRouter router, IOptions<TelegramOptions> telegram, BotIdentity identity, ILogger<MessageHandler> logger)
{
    public async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from)
        {
            return;
        }

        // Before anything about the sender is stored: a bot restricted to some users refuses everyone else.
        if (!await access.AllowsAsync(from, cancellationToken))
        {
            await access.RefuseAsync(from, message.Chat.Id, cancellationToken);
            return;
        }

        var (user, isNew) = await users.GetOrCreateAsync(from, message.Chat.Id, cancellationToken);
        var texts = BotTexts.For(user.Language);
        switch (await flood.CheckAsync(user.Id, message.MessageId.ToString(CultureInfo.InvariantCulture), new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc))))
        {
            case AntiFlood.Verdict.JustOverLimit:
                await replies.SendAsync(message.Chat.Id, texts.Format(texts.TooFast, flood.WindowSeconds), null, cancellationToken);
                return;
            case AntiFlood.Verdict.OverLimit:
                return;
        }

        if (message.Text is not { } text || ParsedCommand.Parse(text, identity.Username) is not { } command)
        {
            if (message.Text is null || !ParsedCommand.IsForAnotherBot(message.Text, identity.Username))
            {
                await replies.SendAsync(message.Chat.Id, texts.NotACommand, null, cancellationToken);
            }

            return;
        }

        var context = new CommandContext(user, texts, command, message.Chat.Id, isNew, telegram.Value.AdminIds.Contains(user.Id), message.MessageId);
        try
        {
            await router.RunAsync(context, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await TryApologizeAsync(message.Chat.Id, texts, cancellationToken);
            throw;
        }
    }

    private async Task TryApologizeAsync(long chatId, BotTexts texts, CancellationToken cancellationToken)
    {
        try
        {
            await replies.SendAsync(chatId, texts.SomethingWentWrong, null, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogApologyFailed(logger, exception, chatId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell chat {ChatId} that its command failed.")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, long chatId);
}
