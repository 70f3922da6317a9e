using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.BotService.Users;
using Telegram.Bot.Types;

namespace DMarketAspire.BotService.Updates;

/// <summary>
/// A button press: answered exactly once (so the button stops spinning), throttled like messages, routed by the data's
/// prefix. Data the bot does not recognise (old keyboards, forged presses) gets "this button has expired".
/// </summary>
public sealed class CallbackQueryHandler(BotUserStore users, Access.AccessGate access, AntiFlood flood, BotReplies replies, CommandRouter router, IOptions<TelegramOptions> telegram)
{
    public async Task HandleAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        if (!await access.AllowsAsync(query.From, cancellationToken))
        {
            await replies.AnswerAsync(query.Id, null, cancellationToken);
            await access.RefuseAsync(query.From, chatId, cancellationToken);
            return;
        }

        var (user, _) = await users.GetOrCreateAsync(query.From, query.From.Id, cancellationToken);
        var texts = BotTexts.For(user.Language);
        string? answer = null;
        try
        {
            if (await flood.CheckAsync(user.Id, query.Id, press: true) != AntiFlood.Verdict.Allowed)
            {
                answer = texts.TooFastButton;
                return;
            }

            // An inaccessible message (too old, deleted) comes with no date: answer with a new message instead.
            var messageId = query.Message is { Date.Year: > 1970 } message ? message.Id : (int?)null;
            var context = new CallbackContext(user, texts, CallbackData.Parse(query.Data), chatId, messageId, telegram.Value.AdminIds.Contains(user.Id), replies);
            answer = await router.PressAsync(context, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            answer = texts.SomethingWentWrong;
            throw;
        }
        finally
        {
            await replies.AnswerAsync(query.Id, answer, cancellationToken);
        }
    }
}
