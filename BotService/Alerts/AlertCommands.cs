using System.Globalization;
using DMarketAspire.Data.Alerts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Items;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Alerts;

/// <summary>
/// <c>/alert &lt;title&gt; below|above &lt;price&gt;</c> (part of a title finds it; several matches, across games, are
/// offered as buttons) and <c>/alerts</c> (each with a delete button, and "delete all"). The alerts fire from
/// <see cref="AlertWatcher"/>.
/// </summary>
public sealed class AlertCommands(PriceAlertBook book, TitleSearch search, DMarketDbContext db, BotReplies replies, IOptions<PriceAlertOptions> options)
{
    public const string Prefix = "al";
    public const string CreateAction = "c";

    /// <summary>From <c>/alerts</c>: deletes and shows the list again.</summary>
    public const string DeleteAction = "d";

    /// <summary>From a fired alert's message: deletes and only says so; the message stays as it was.</summary>
    public const string ForgetAction = "x";

    public const string DeleteAllAction = "all";

    public async Task AlertAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var (request, problem) = AlertRequest.Parse(c.Command.Arguments, t);
        if (request is null)
        {
            await replies.SendAsync(c.ChatId, problem!, null, cancellationToken);
            return;
        }

        var matches = await search.FindAsync(request.Text, cancellationToken);
        if (matches.Count == 0)
        {
            await replies.SendAsync(c.ChatId, t.Format(t.ItemNotFound, Html.Escape(request.Text)), null, cancellationToken);
        }
        else if (matches.Count == 1)
        {
            await replies.SendAsync(c.ChatId, await CreateAsync(c.User, matches[0].Id, request.Direction, request.ThresholdCents, t, cancellationToken) ?? t.ButtonExpired, null, cancellationToken);
        }
        else
        {
            var code = AlertRequest.Code(request.Direction);
            var cents = request.ThresholdCents.ToString(CultureInfo.InvariantCulture);
            var rows = matches.Select(m => new[] { Keyboards.Button($"{m.Title} ({GameAliases.ShortName(m.GameId)})", Prefix, CreateAction, m.Id.ToString(CultureInfo.InvariantCulture), code, cents) }).ToList();
            await replies.SendAsync(c.ChatId, t.Format(t.AlertChoose, Html.Escape(request.Text), AlertCard.Direction(request.Direction, t), Money.DollarString(request.ThresholdCents)),
                new InlineKeyboardMarkup(rows), cancellationToken);
        }
    }

    public async Task AlertsAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var (text, buttons) = await ListAsync(c.User, c.Texts, cancellationToken);
        await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
    }

    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        switch (c.Part(1))
        {
            case CreateAction when c.Number(2) is { } itemId && AlertRequest.FromCode(c.Part(3)) is { } direction && c.Number(4) is { } cents and > 0:
                if (await CreateAsync(c.User, itemId, direction, cents, t, cancellationToken) is not { } text)
                {
                    return t.ButtonExpired;
                }

                await c.ShowAsync(text, null, cancellationToken);
                return null;
            case DeleteAction when c.Number(2) is { } alertId:
                var deleted = await book.DeleteAsync(c.User.Id, alertId, cancellationToken) ? 1 : 0;
                await ShowListAsync(c, cancellationToken);
                return t.Format(t.AlertsDeleted, deleted);
            case ForgetAction when c.Number(2) is { } alertId:
                await book.DeleteAsync(c.User.Id, alertId, cancellationToken);
                return t.ButtonAlertDeleted;
            case DeleteAllAction:
                var all = await book.DeleteAllAsync(c.User.Id, cancellationToken);
                await ShowListAsync(c, cancellationToken);
                return t.Format(t.AlertsDeleted, all);
            default:
                return t.ButtonExpired;
        }
    }

    /// <summary>The reply to a new alert; null when the item is gone.</summary>
    private async Task<string?> CreateAsync(BotUser user, long itemId, PriceAlertDirection direction, long cents, BotTexts t, CancellationToken cancellationToken)
    {
        if (await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) is not { } item)
        {
            return null;
        }

        var created = await book.CreateAsync(user.Id, item, direction, cents, cancellationToken);
        var words = AlertCard.Direction(direction, t);
        return created.Outcome switch
        {
            PriceAlertOutcome.Duplicate => t.Format(t.AlertDuplicate, Html.Escape(item.Title), words, Money.DollarString(cents)),
            PriceAlertOutcome.LimitReached => t.Format(t.AlertLimit, options.Value.MaxPerUser),
            _ => t.Format(t.AlertCreated, Html.Escape(item.Title), DMarketGames.Name(item.GameId), words, Money.DollarString(cents),
                created.CurrentPriceCents is not { } now ? t.AlertNoPriceYet
                : created.AlreadyCrossed ? t.Format(t.AlertAlreadyCrossed, Money.DollarString(now))
                : t.Format(t.AlertNowPrice, Money.DollarString(now))),
        };
    }

    private async Task ShowListAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var (text, buttons) = await ListAsync(c.User, c.Texts, cancellationToken);
        await c.ShowAsync(text, buttons, cancellationToken);
    }

    private async Task<(string Text, InlineKeyboardMarkup? Buttons)> ListAsync(BotUser user, BotTexts t, CancellationToken cancellationToken)
    {
        var alerts = await book.ListAsync(user.Id, cancellationToken);
        if (alerts.Count == 0)
        {
            return (t.AlertsEmpty, null);
        }

        var itemIds = alerts.Select(a => a.ItemId).ToList();
        var prices = await db.ItemPrices.AsNoTracking().Where(p => itemIds.Contains(p.ItemId)).ToDictionaryAsync(p => p.ItemId, p => p.BestOfferCents, cancellationToken);
        var lines = alerts.Select((a, i) => t.Format(t.AlertLine, i + 1, Html.Escape(a.Title), DMarketGames.Name(a.GameId), AlertCard.Direction(a.Direction, t), Money.DollarString(a.ThresholdCents),
            prices.GetValueOrDefault(a.ItemId) is { } now ? "$" + Money.DollarString(now) : "—",
            a.Crossings > 0 ? t.Format(t.AlertFiredTimes, a.Crossings) : string.Empty));
        var rows = alerts.Select((a, i) => Keyboards.Button(t.Format(t.ButtonDeleteAlert, i + 1), Prefix, DeleteAction, a.Id.ToString(CultureInfo.InvariantCulture)))
            .Chunk(2).Select(row => row.ToArray()).ToList();
        rows.Add([Keyboards.Button(t.ButtonDeleteAllAlerts, Prefix, DeleteAllAction)]);
        return (t.AlertsHeader + "\n" + string.Join("\n", lines), new InlineKeyboardMarkup(rows));
    }
}
