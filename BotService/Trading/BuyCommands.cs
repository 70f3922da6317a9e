using DMarketAspire.Trading.Accounts;
using System.Globalization;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading;
using DMarketAspire.Trading.Buying;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Trading;

/// <summary>
/// Buy now: a card's button or <c>/buy &lt;offer id&gt;</c> shows a summary read live (price, balance after, expected
/// profit after the fee, liquidity) with one confirm button; only that press sends the buy, once (<see cref="BuyDesk"/>),
/// and the summary becomes the outcome.
/// </summary>
public sealed class BuyCommands(DMarketDbContext db, AccountStore accounts, DMarketClient dmarket, BuyDesk desk, BotReplies replies, IOptions<TradingOptions> options)
{
    public const string Prefix = "by";
    public const string ProposeAction = "p";
    private const string ConfirmAction = "c";
    private const string CancelAction = "x";
    private const string Channel = "telegram";
    private const int MaxOfferIdLength = 128;

    public async Task BuyAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var offerId = c.Command.Arguments.Count == 1 ? c.Command.Arguments[0] : string.Empty;
        if (offerId.Length is 0 or > MaxOfferIdLength)
        {
            await replies.SendAsync(c.ChatId, t.BuyUsage, null, cancellationToken);
            return;
        }

        var opportunity = await db.Opportunities.AsNoTracking().Where(o => o.OfferId == offerId).OrderByDescending(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (opportunity is null)
        {
            await replies.SendAsync(c.ChatId, t.Format(t.BuyUnknownOffer, Html.Escape(offerId)), null, cancellationToken);
            return;
        }

        await ProposeAsync(c.User, c.ChatId, t, opportunity, cancellationToken);
    }

    /// <summary><c>by:p:&lt;opportunity&gt;</c> proposes, <c>by:c:&lt;buy&gt;</c> confirms, <c>by:x:&lt;buy&gt;</c> cancels.</summary>
    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        if (c.Number(2) is not { } id)
        {
            return t.ButtonExpired;
        }

        switch (c.Part(1))
        {
            case ProposeAction:
                if (await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } opportunity)
                {
                    return t.ButtonExpired;
                }

                await ProposeAsync(c.User, c.ChatId, t, opportunity, cancellationToken);
                return null;
            case ConfirmAction:
                return await ConfirmAsync(c, id, cancellationToken);
            case CancelAction:
                await c.ShowAsync(await desk.CancelAsync(c.User.Id, id, cancellationToken) ? t.BuyCancelled : t.BuyExpired, null, cancellationToken);
                return null;
            default:
                return t.ButtonExpired;
        }
    }

    private async Task<string?> ConfirmAsync(CallbackContext c, long buyId, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        if (await accounts.KeysAsync(c.User.Id, cancellationToken) is not { } keys)
        {
            await c.ShowAsync(t.KeysNeeded, null, cancellationToken);
            return null;
        }

        if (!await db.Buys.AnyAsync(b => b.Id == buyId && b.UserId == c.User.Id, cancellationToken))
        {
            return t.ButtonExpired;
        }

        var report = await desk.ConfirmAsync(c.User.Id, buyId, dmarket.ForAccount(keys), cancellationToken);
        if (report.Outcome is BuyOutcome.AlreadyConfirmed or BuyOutcome.InFlight)
        {
            // A second press: the first one's message tells the outcome; this one only gets a toast.
            return BuyCard.Outcome(report.Buy, report.Outcome, t);
        }

        await c.ShowAsync(BuyCard.Outcome(report.Buy, report.Outcome, t), null, cancellationToken);
        return null;
    }

    private async Task ProposeAsync(BotUser user, long chatId, BotTexts t, Opportunity opportunity, CancellationToken cancellationToken)
    {
        if (await accounts.KeysAsync(user.Id, cancellationToken) is not { } keys)
        {
            await replies.SendAsync(chatId, t.KeysNeeded, null, cancellationToken);
            return;
        }

        var account = dmarket.ForAccount(keys);
        try
        {
            var (buy, _) = await desk.ProposeAsync(user.Id, opportunity, account, Channel, null, cancellationToken);
            if (buy is null)
            {
                await replies.SendAsync(chatId, t.Format(t.BuyAlreadySold, Html.Escape(opportunity.Title), Money.DollarString(opportunity.BuyPriceCents)), null, cancellationToken);
                return;
            }

            var balance = (await account.GetBalanceAsync(cancellationToken)).UsdCents;
            var text = t.Format(t.BuySummary,
                Html.Escape(buy.Title),
                DMarketGames.Name(buy.GameId),
                Money.DollarString(buy.PriceCents),
                Money.DollarString(balance),
                Money.DollarString(balance - buy.PriceCents),
                Money.DollarString(opportunity.ResaleCents),
                (opportunity.FeeFraction * 100m).ToString("0.##", CultureInfo.InvariantCulture),
                Money.DollarString(opportunity.ProfitCents),
                opportunity.Liquidity,
                Html.Escape(buy.OfferId),
                (int)options.Value.ProposalLifetime.TotalMinutes);
            if (balance < buy.PriceCents)
            {
                text += "\n" + t.Format(t.BuySummaryShort, Money.DollarString(balance));
            }

            var id = buy.Id.ToString(CultureInfo.InvariantCulture);
            var buttons = new InlineKeyboardMarkup([[
                Keyboards.Button(t.Format(t.ButtonConfirmBuy, Money.DollarString(buy.PriceCents)), Prefix, ConfirmAction, id),
                Keyboards.Button(t.ButtonCancel, Prefix, CancelAction, id)]]);
            var message = await replies.SendAsync(chatId, text, buttons, cancellationToken);
            await desk.SetMessageAsync(buy.Id, message.MessageId, cancellationToken);
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            await replies.SendAsync(chatId, DMarketFailure.Reply(exception, t), null, cancellationToken);
        }
    }
}
