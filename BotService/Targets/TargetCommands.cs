using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket;
using DMarketAspire.DMarket.Models;
using DMarketAspire.Domain;
using DMarketAspire.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Targets;

/// <summary>
/// <c>/targets</c> (the account's active buy orders, each with a delete button, and "cancel all" for the ones this bot
/// placed) and <c>/target &lt;title&gt; &lt;price&gt; [amount]</c>: checked before anything is sent (a known title,
/// under the best ask, amount 1–100, covered by the balance, within the account's target limit), then placed, with the
/// order book's competition in the reply. Dollars to the user, cents inside, dollars on v1's wire.
/// </summary>
public sealed class TargetCommands(DMarketDbContext db, AccountStore accounts, DMarketClient dmarket, BotReplies replies, TimeProvider time)
{
    public const string Prefix = "tg";
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

        if (await accounts.KeysAsync(c.User.Id, cancellationToken) is not { } keys)
        {
            await replies.SendAsync(c.ChatId, t.KeysNone + t.KeysUsage, null, cancellationToken);
            return;
        }

        var account = dmarket.ForAccount(keys);
        try
        {
            var book = (await account.GetAggregatedPricesAsync(item.GameId, [item.Title], cancellationToken)).FirstOrDefault();
            if (book?.BestOfferCents is { } ask && request.PriceCents >= ask)
            {
                await replies.SendAsync(c.ChatId, t.Format(t.TargetAboveAsk, Money.DollarString(ask), Html.Escape(item.Title)), null, cancellationToken);
                return;
            }

            var balance = await account.GetBalanceAsync(cancellationToken);
            var total = request.PriceCents * request.Amount;
            if (balance.UsdCents < total)
            {
                await replies.SendAsync(c.ChatId, t.Format(t.TargetBalanceShort, Money.DollarString(total), Money.DollarString(balance.UsdCents)), null, cancellationToken);
                return;
            }

            var profile = await account.GetUserAsync(cancellationToken);
            var active = await ActiveCountAsync(account, cancellationToken);
            if (profile.TargetsLimit > 0 && active >= profile.TargetsLimit)
            {
                await replies.SendAsync(c.ChatId, t.Format(t.TargetLimitReached, profile.TargetsLimit), null, cancellationToken);
                return;
            }

            var competition = await account.GetTargetsByTitleAsync(item.GameId, item.Title, cancellationToken);
            var result = (await account.CreateTargetsAsync(item.GameId, [new NewTarget(item.Title, request.PriceCents, request.Amount)], cancellationToken)).Single();
            if (!result.Successful || result.TargetId is null)
            {
                await replies.SendAsync(c.ChatId, t.Format(t.TargetRefused, Html.Escape(result.ErrorMessage ?? result.ErrorCode ?? "?")), null, cancellationToken);
                return;
            }

            db.BotTargets.Add(new BotTarget
            {
                TargetId = result.TargetId,
                UserId = c.User.Id,
                GameId = item.GameId,
                Title = item.Title,
                PriceCents = request.PriceCents,
                Amount = request.Amount,
                Status = BotTargetStatus.Active,
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);

            var best = competition.FirstOrDefault();
            var ahead = competition.Where(o => o.PriceCents >= request.PriceCents).Sum(o => o.Amount);
            var text = t.Format(t.TargetPlaced, Html.Escape(item.Title), DMarketGames.Name(item.GameId), Money.DollarString(request.PriceCents), request.Amount,
                best is null ? t.TargetNoCompetition : t.Format(t.TargetCompetition, Money.DollarString(best.PriceCents), ahead));
            await replies.SendAsync(c.ChatId, text, null, cancellationToken);
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            await replies.SendAsync(c.ChatId, DMarketFailure.Reply(exception, t), null, cancellationToken);
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
        if (await accounts.KeysAsync(c.User.Id, cancellationToken) is not { } keys)
        {
            await c.ShowAsync(t.KeysNone + t.KeysUsage, null, cancellationToken);
            return null;
        }

        var account = dmarket.ForAccount(keys);
        List<string> ids = c.Part(1) switch
        {
            DeleteAction when c.Part(2).Length > 0 => [c.Part(2)],
            CancelAllAction => await db.BotTargets.Where(b => b.UserId == c.User.Id && b.Status == BotTargetStatus.Active).Select(b => b.TargetId).ToListAsync(cancellationToken),
            _ => [],
        };
        if (ids.Count == 0)
        {
            return c.Part(1) == CancelAllAction ? t.TargetsNoneOfOurs : t.ButtonExpired;
        }

        var deleted = 0;
        foreach (var batch in ids.Chunk(DMarketClient.MaxBatch))
        {
            var results = await account.DeleteTargetsAsync(batch, cancellationToken);
            var done = results.Where(r => r.Successful && r.TargetId is not null).Select(r => r.TargetId!).ToHashSet();
            deleted += done.Count;
            await db.BotTargets.Where(b => done.Contains(b.TargetId)).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BotTargetStatus.Deleted), cancellationToken);
        }

        var (text, buttons) = await ListAsync(c.User, t, cancellationToken);
        await c.ShowAsync(text, buttons, cancellationToken);
        return t.Format(t.TargetsDeleted, deleted);
    }

    private async Task<(string Text, InlineKeyboardMarkup? Buttons)> ListAsync(BotUser user, Localization.BotTexts t, CancellationToken cancellationToken)
    {
        if (await accounts.KeysAsync(user.Id, cancellationToken) is not { } keys)
        {
            return (t.KeysNone + t.KeysUsage, null);
        }

        var account = dmarket.ForAccount(keys);
        List<UserTarget> targets = [];
        foreach (var game in DMarketGames.All)
        {
            await foreach (var target in account.GetUserTargetsAsync(game, cancellationToken: cancellationToken))
            {
                targets.Add(target);
            }
        }

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

    private static async Task<int> ActiveCountAsync(DMarketClient account, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var game in DMarketGames.All)
        {
            await foreach (var _ in account.GetUserTargetsAsync(game, cancellationToken: cancellationToken))
            {
                count++;
            }
        }

        return count;
    }
}
