using DMarketAspire.Trading.Accounts;
using System.Globalization;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Trading;
using DMarketAspire.Trading.Selling;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Trading;

/// <summary>
/// Selling from the chat: <c>/sell &lt;item #&gt;</c> quotes a price (a cent under the best offer, never under break-even
/// after the fee when the cost is known) with one-press buttons; <c>/sell &lt;item #&gt; &lt;price&gt; [follow] [force]</c>
/// lists it (or changes the price of a listed one); <c>/delist &lt;item #&gt;</c> takes it off.
/// </summary>
public sealed class SellCommands(AccountStore accounts, DMarketClient dmarket, SaleDesk desk, BotReplies replies, IOptions<TradingOptions> options)
{
    public const string Prefix = "sl";
    public const string QuoteAction = "q";
    private const string ListAction = "l";
    private const string FollowAction = "f";
    private const string DelistAction = "d";
    private const string FollowWord = "follow";
    private const string ForceWord = "force";

    public async Task SellAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var args = c.Command.Arguments;
        if (args.Count == 0 || !long.TryParse(args[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var positionId))
        {
            await replies.SendAsync(c.ChatId, t.SellUsage, null, cancellationToken);
            return;
        }

        if (args.Count == 1)
        {
            var (text, buttons) = await QuoteAsync(c.User.Id, positionId, t, cancellationToken);
            await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
            return;
        }

        var words = args.Skip(2).Select(a => a.ToLowerInvariant()).ToList();
        if (words.Any(w => w is not FollowWord and not ForceWord))
        {
            await replies.SendAsync(c.ChatId, t.SellUsage, null, cancellationToken);
            return;
        }

        if (UserInput.ParsePrice(args[1], out var cents) != PriceInput.Valid || cents > options.Value.MaxListPriceCents)
        {
            await replies.SendAsync(c.ChatId, t.Format(t.SellBadPrice, Money.DollarString(options.Value.MaxListPriceCents)), null, cancellationToken);
            return;
        }

        await replies.SendAsync(c.ChatId, await ListOrRepriceAsync(c.User.Id, positionId, cents, words.Contains(FollowWord), words.Contains(ForceWord), t, cancellationToken), null, cancellationToken);
    }

    public async Task DelistAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        if (c.Command.Arguments.Count != 1 || !long.TryParse(c.Command.Arguments[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var positionId))
        {
            await replies.SendAsync(c.ChatId, t.DelistUsage, null, cancellationToken);
            return;
        }

        await replies.SendAsync(c.ChatId, await RunAsync(c.User.Id, t, account => desk.DelistAsync(c.User.Id, positionId, account, cancellationToken), positionId), null, cancellationToken);
    }

    /// <summary><c>sl:q:&lt;item&gt;</c> quotes; <c>sl:l|f:&lt;item&gt;:&lt;cents&gt;</c> lists (f: following offers down); <c>sl:d:&lt;item&gt;</c> delists.</summary>
    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        if (c.Number(2) is not { } positionId)
        {
            return t.ButtonExpired;
        }

        switch (c.Part(1))
        {
            case QuoteAction:
                var (text, buttons) = await QuoteAsync(c.User.Id, positionId, t, cancellationToken);
                await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
                return null;
            case ListAction or FollowAction when c.Number(3) is { } cents and > 0:
                await c.ShowAsync(await ListOrRepriceAsync(c.User.Id, positionId, cents, c.Part(1) == FollowAction, belowCost: false, t, cancellationToken), null, cancellationToken);
                return null;
            case DelistAction:
                await c.ShowAsync(await RunAsync(c.User.Id, t, account => desk.DelistAsync(c.User.Id, positionId, account, cancellationToken), positionId), null, cancellationToken);
                return null;
            default:
                return t.ButtonExpired;
        }
    }

    private async Task<(string Text, InlineKeyboardMarkup? Buttons)> QuoteAsync(long userId, long positionId, BotTexts t, CancellationToken cancellationToken)
    {
        if (await accounts.KeysAsync(userId, cancellationToken) is not { } keys)
        {
            return (t.KeysNeeded, null);
        }

        try
        {
            if (await desk.QuoteAsync(userId, positionId, dmarket.ForAccount(keys), cancellationToken) is not { } quote)
            {
                return (t.Format(t.SellNoPosition, positionId), null);
            }

            var p = quote.Position;
            var id = p.Id.ToString(CultureInfo.InvariantCulture);
            if (quote.ProposedCents is not { } proposed)
            {
                return (t.Format(t.SellNoPrice, Html.Escape(p.Title), id), null);
            }

            var text = t.Format(t.SellQuote, Html.Escape(p.Title), DMarketGames.Name(p.GameId), id,
                p.CostCents is { } cost ? Money.Format(cost) : t.CostUnknown, Dollars(quote.BestOfferCents), Dollars(quote.BestBuyOrderCents), Dollars(quote.MedianCents),
                (quote.FeeFraction * 100m).ToString("0.##", CultureInfo.InvariantCulture), Dollars(quote.BreakEvenCents), Money.Format(proposed),
                p.OfferId is not null && p.ListPriceCents is { } listed ? t.Format(t.SellListedNow, Money.DollarString(listed)) : string.Empty);
            var price = proposed.ToString(CultureInfo.InvariantCulture);
            List<InlineKeyboardButton> row =
            [
                Keyboards.Button(t.Format(t.ButtonListAt, Money.DollarString(proposed)), Prefix, ListAction, id, price),
                Keyboards.Button(t.Format(t.ButtonListFollow, Money.DollarString(proposed)), Prefix, FollowAction, id, price),
            ];
            if (p.OfferId is not null)
            {
                row.Add(Keyboards.Button(t.ButtonDelist, Prefix, DelistAction, id));
            }

            return (text, new InlineKeyboardMarkup([row]));
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            return (DMarketFailure.Reply(exception, t), null);
        }
    }

    private Task<string> ListOrRepriceAsync(long userId, long positionId, long cents, bool follow, bool belowCost, BotTexts t, CancellationToken cancellationToken) =>
        RunAsync(userId, t, async account =>
        {
            var report = await desk.ListAsync(userId, positionId, cents, belowCost, follow, account, cancellationToken);
            // A listed item given a new price is repriced rather than listed twice.
            return report.Outcome == ListingOutcome.AlreadyListed && report.Position?.OfferId is not null
                ? await desk.RepriceAsync(userId, positionId, cents, account, cancellationToken)
                : report;
        }, positionId, cents);

    private async Task<string> RunAsync(long userId, BotTexts t, Func<DMarketClient, Task<ListingReport>> step, long positionId, long? cents = null)
    {
        if (await accounts.KeysAsync(userId, CancellationToken.None) is not { } keys)
        {
            return t.KeysNeeded;
        }

        try
        {
            return Describe(await step(dmarket.ForAccount(keys)), t, positionId, cents);
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            return DMarketFailure.Reply(exception, t);
        }
    }

    private string Describe(ListingReport report, BotTexts t, long positionId, long? cents)
    {
        var p = report.Position;
        var title = Html.Escape(p?.Title ?? string.Empty);
        return report.Outcome switch
        {
            ListingOutcome.NotYours => t.Format(t.SellNoPosition, positionId),
            ListingOutcome.Listed => t.Format(t.SellListed, title, Money.DollarString(p!.ListPriceCents ?? 0),
                p.Repricing ? t.Format(t.SellFollowing, Money.DollarString(p.FloorCents ?? 1), p.MaxRepricesPerDay) : string.Empty),
            ListingOutcome.Repriced => t.Format(t.SellRepriced, title, Money.DollarString(p!.ListPriceCents ?? 0)),
            ListingOutcome.Delisted => t.Format(t.SellDelisted, title),
            ListingOutcome.AlreadyListed => t.Format(t.SellAlreadyListed, title, Money.DollarString(p!.ListPriceCents ?? 0), positionId),
            ListingOutcome.NotListed => t.Format(t.SellNotListed, title),
            ListingOutcome.BelowBreakEven => t.Format(t.SellBelowBreakEven, title, Money.DollarString(cents ?? 0), Money.DollarString(long.Parse(report.Code!, CultureInfo.InvariantCulture))),
            ListingOutcome.NotAnswered => t.Format(t.SellNotAnswered, title),
            _ when report.Code == "TradeLocked" => t.Format(t.SellTradeLocked, title),
            _ => t.Format(t.SellRefused, title, Html.Escape(report.Code ?? "?")),
        };
    }

    private static string Dollars(long? cents) => cents is { } c ? Money.Format(c) : "—";
}
