using DMarketAspire.Trading.Accounts;
using System.Globalization;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Targets;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Targets;

/// <summary>
/// <c>/targets</c> (the account's active buy orders, each with a delete button, and "cancel all" for the ones this bot
/// placed) and <c>/target &lt;title&gt; &lt;price&gt; [amount]</c>: checked before anything is sent (a known title,
/// under the best ask, amount 1–100, covered by the balance, within the account's target limit), then placed, with the
/// order book's competition in the reply. Dollars to the user, cents inside, dollars on v1's wire.
/// </summary>
public sealed class TargetCommands(DMarketDbContext db, AccountStore accounts, DMarketClient dmarket, TargetBook targetBook, BotReplies replies, TimeProvider time)
{
    public const string Prefix = "tg";
    public const string ProposeAction = "o";
    private const string PlaceAction = "p";
    private const string DeleteAction = "d";
    private const string CancelAllAction = "all";

    public async Task TargetAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var (request, problem) = TargetRequest.Parse(c.Command.Arguments, t);
        if (request is null)
        {
            await replies.SendAsync(c.ChatId, problem!, null, cancellationToken);
            return;
        }

        // The title as the scanner has seen it, in any game: one DMarket does not know is refused before any request.
        var item = await db.Items.AsNoTracking().Where(i => i.Title.ToLower() == request.Title.ToLower()).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            await replies.SendAsync(c.ChatId, t.Format(t.TargetUnknownTitle, Html.Escape(request.Title)), null, cancellationToken);
            return;
        }

        await replies.SendAsync(c.ChatId, await PlaceAsync(c.User, item, request.PriceCents, request.Amount, t, cancellationToken), null, cancellationToken);
    }

    /// <summary>Checks a buy order against the account and the market, then places it; returns the reply.</summary>
    private async Task<string> PlaceAsync(BotUser user, Item item, long priceCents, int amount, Localization.BotTexts t, CancellationToken cancellationToken)
    {
        if (await accounts.KeysAsync(user.Id, cancellationToken) is not { } keys)
        {
            return t.KeysNeeded;
        }

        var account = dmarket.ForAccount(keys);
        try
        {
            var book = (await account.GetAggregatedPricesAsync(item.GameId, [item.Title], cancellationToken)).FirstOrDefault();
            if (book?.BestOfferCents is { } ask && priceCents >= ask)
            {
                return t.Format(t.TargetAboveAsk, Money.DollarString(ask), Html.Escape(item.Title));
            }

            var balance = await account.GetBalanceAsync(cancellationToken);
            var total = priceCents * amount;
            if (balance.UsdCents < total)
            {
                return t.Format(t.TargetBalanceShort, Money.DollarString(total), Money.DollarString(balance.UsdCents));
            }

            var profile = await account.GetUserAsync(cancellationToken);
            var active = await ActiveTargetsAsync(account, cancellationToken);
            if (profile.TargetsLimit > 0 && active.Count >= profile.TargetsLimit)
            {
                return t.Format(t.TargetLimitReached, profile.TargetsLimit);
            }

            var competition = await account.GetTargetsByTitleAsync(item.GameId, item.Title, cancellationToken);
            var result = (await account.CreateTargetsAsync(item.GameId, [new NewTarget(item.Title, priceCents, amount)], cancellationToken)).Single();
            if (!result.Successful || result.TargetId is null)
            {
                return t.Format(t.TargetRefused, Html.Escape(result.ErrorMessage ?? result.ErrorCode ?? "?"));
            }

            db.BotTargets.Add(new BotTarget
            {
                TargetId = result.TargetId,
                UserId = user.Id,
                GameId = item.GameId,
                Title = item.Title,
                PriceCents = priceCents,
                Amount = amount,
                Status = BotTargetStatus.Active,
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);

            var best = competition.FirstOrDefault();
            var ahead = competition.Where(o => o.PriceCents >= priceCents).Sum(o => o.Amount);
            return t.Format(t.TargetPlaced, Html.Escape(item.Title), DMarketGames.Name(item.GameId), Money.DollarString(priceCents), amount,
                best is null ? t.TargetNoCompetition : t.Format(t.TargetCompetition, Money.DollarString(best.PriceCents), ahead));
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            return DMarketFailure.Reply(exception, t);
        }
    }

    /// <summary>
    /// An opportunity card's "buy order": the live book read with the user's keys, and one price proposed, a cent over
    /// the best buy order (first in line) but under the best offer. Nothing is placed until that is pressed.
    /// </summary>
    private async Task<string?> ProposeAsync(CallbackContext c, long opportunityId, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        if (await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == opportunityId, cancellationToken) is not { } opportunity)
        {
            return t.ButtonExpired;
        }

        if (await accounts.KeysAsync(c.User.Id, cancellationToken) is not { } keys)
        {
            await replies.SendAsync(c.ChatId, t.KeysNeeded, null, cancellationToken);
            return null;
        }

        try
        {
            var book = (await dmarket.ForAccount(keys).GetAggregatedPricesAsync(opportunity.GameId, [opportunity.Title], cancellationToken)).FirstOrDefault();
            var ask = book?.BestOfferCents ?? opportunity.BuyPriceCents;
            var bid = book?.BestBuyOrderCents;
            var price = Math.Min((bid ?? 0) + 1, ask - 1);
            if (price <= 0)
            {
                await replies.SendAsync(c.ChatId, t.Format(t.TargetNoRoom, Money.DollarString(ask)), null, cancellationToken);
                return null;
            }

            var text = t.Format(t.TargetProposal, Html.Escape(opportunity.Title), DMarketGames.Name(opportunity.GameId), Money.DollarString(ask),
                bid is { } b ? "$" + Money.DollarString(b) : "—", Money.DollarString(price));
            var place = Keyboards.Button(t.Format(t.ButtonPlaceAt, Money.DollarString(price)), Prefix, PlaceAction,
                opportunity.ItemId.ToString(CultureInfo.InvariantCulture), price.ToString(CultureInfo.InvariantCulture));
            await replies.SendAsync(c.ChatId, text, new InlineKeyboardMarkup(place), cancellationToken);
            return null;
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            await replies.SendAsync(c.ChatId, DMarketFailure.Reply(exception, t), null, cancellationToken);
            return null;
        }
    }

    public async Task TargetsAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var (text, buttons) = await ListAsync(c.User, c.Texts, cancellationToken);
        await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
    }

    /// <summary><c>tg:d:&lt;id&gt;</c> deletes one target of the account; <c>tg:all</c> the ones this bot placed.</summary>
    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        if (c.Part(1) == ProposeAction)
        {
            return c.Number(2) is { } opportunityId ? await ProposeAsync(c, opportunityId, cancellationToken) : t.ButtonExpired;
        }

        if (c.Part(1) == PlaceAction)
        {
            if (c.Number(2) is not { } itemId || c.Number(3) is not { } cents || cents <= 0
                || await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) is not { } item)
            {
                return t.ButtonExpired;
            }

            // The proposal's message becomes the outcome, so its button is gone once used.
            await c.ShowAsync(await PlaceAsync(c.User, item, cents, 1, t, cancellationToken), null, cancellationToken);
            return null;
        }

        if (await accounts.KeysAsync(c.User.Id, cancellationToken) is not { } keys)
        {
            await c.ShowAsync(t.KeysNeeded, null, cancellationToken);
            return null;
        }

        var account = dmarket.ForAccount(keys);
        List<string> ids = c.Part(1) switch
        {
            DeleteAction when c.Part(2).Length > 0 => [c.Part(2)],
            CancelAllAction => await targetBook.OursAsync(c.User.Id, cancellationToken),
            _ => [],
        };
        if (ids.Count == 0)
        {
            return c.Part(1) == CancelAllAction ? t.TargetsNoneOfOurs : t.ButtonExpired;
        }

        var deleted = await targetBook.DeleteAsync(ids, account, cancellationToken);

        var (text, buttons) = await ListAsync(c.User, t, cancellationToken);
        await c.ShowAsync(text, buttons, cancellationToken);
        return t.Format(t.TargetsDeleted, deleted);
    }

    private async Task<(string Text, InlineKeyboardMarkup? Buttons)> ListAsync(BotUser user, Localization.BotTexts t, CancellationToken cancellationToken)
    {
        if (await accounts.KeysAsync(user.Id, cancellationToken) is not { } keys)
        {
            return (t.KeysNeeded, null);
        }

        var account = dmarket.ForAccount(keys);
        var targets = await ActiveTargetsAsync(account, cancellationToken);

        var ours = (await db.BotTargets.Where(b => b.UserId == user.Id && b.Status == BotTargetStatus.Active).Select(b => b.TargetId).ToListAsync(cancellationToken)).ToHashSet();
        if (targets.Count == 0)
        {
            return (t.TargetsEmpty, null);
        }

        var lines = targets.Select((target, i) => t.Format(t.TargetLine, i + 1, Html.Escape(target.Title), DMarketGames.Name(target.GameId), Money.DollarString(target.PriceCents), target.Amount,
            ours.Contains(target.TargetId) ? string.Empty : t.TargetMadeElsewhere));
        var rows = targets.Select((target, i) => new[] { Keyboards.Button(t.Format(t.ButtonDeleteTarget, i + 1), Prefix, DeleteAction, target.TargetId) }).ToList();
        if (targets.Any(target => ours.Contains(target.TargetId)))
        {
            rows.Add([Keyboards.Button(t.ButtonCancelAllOurs, Prefix, CancelAllAction)]);
        }

        return (t.TargetsHeader + "\n" + string.Join("\n", lines), new InlineKeyboardMarkup(rows));
    }

    /// <summary>The account's active buy orders in every game, wherever they were placed.</summary>
    private static async Task<List<UserTarget>> ActiveTargetsAsync(DMarketClient account, CancellationToken cancellationToken)
    {
        List<UserTarget> targets = [];
        foreach (var game in DMarketGames.All)
        {
            await foreach (var target in account.GetUserTargetsAsync(game, cancellationToken: cancellationToken))
            {
                targets.Add(target);
            }
        }

        return targets;
    }
}
