using System.Globalization;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Positions;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Trading;

/// <summary>
/// <c>/inventory [page]</c>: what the user holds on DMarket, synced first, each with its cost and what it is worth now:
/// the best buy order (an instant exit), the best offer (the competition) and the median of recent sales.
/// </summary>
public sealed class InventoryCommands(DMarketDbContext db, AccountStore accounts, DMarketClient dmarket, PositionBook positions, BotReplies replies)
{
    public const string Prefix = "iv";
    private const int PageSize = 8;
    private const int MedianSales = 20;

    public async Task InventoryAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var page = c.Command.Arguments.Count == 1 && int.TryParse(c.Command.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked - 1 : 0;
        var (text, buttons) = await PageAsync(c.User, c.Texts, page, sync: true, cancellationToken);
        await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
    }

    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var (text, buttons) = await PageAsync(c.User, c.Texts, (int)Math.Min(c.Number(1) ?? 0, int.MaxValue), sync: false, cancellationToken);
        await c.ShowAsync(text, buttons, cancellationToken);
        return null;
    }

    private async Task<(string Text, InlineKeyboardMarkup? Buttons)> PageAsync(BotUser user, BotTexts t, int page, bool sync, CancellationToken cancellationToken)
    {
        if (await accounts.KeysAsync(user.Id, cancellationToken) is not { } keys)
        {
            return (t.KeysNeeded, null);
        }

        var account = dmarket.ForAccount(keys);
        try
        {
            if (sync)
            {
                await positions.SyncAsync(user.Id, account, cancellationToken);
            }

            var (held, total) = await positions.HeldAsync(user.Id, page * PageSize, PageSize, cancellationToken);
            if (total == 0)
            {
                return (t.InventoryEmpty, null);
            }

            var books = new Dictionary<(string, string), AggregatedPrice>();
            foreach (var game in held.GroupBy(p => p.GameId))
            {
                foreach (var book in await account.GetAggregatedPricesAsync(game.Key, game.Select(p => p.Title).Distinct().ToList(), cancellationToken))
                {
                    books[(game.Key, book.Title)] = book;
                }
            }

            var lines = new List<string> { t.Format(t.InventoryHeader, total) };
            foreach (var position in held)
            {
                books.TryGetValue((position.GameId, position.Title), out var book);
                var median = await MedianAsync(position.GameId, position.Title, cancellationToken);
                var locked = position.TradeLockUntil is { } until && until > DateTimeOffset.UtcNow
                    ? t.Format(t.InventoryLocked, until.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                    : string.Empty;
                lines.Add(t.Format(t.InventoryLine, Html.Escape(position.Title), DMarketGames.Name(position.GameId),
                    position.CostCents is { } cost ? Money.Format(cost) : t.CostUnknown,
                    Dollars(book?.BestBuyOrderCents), Dollars(book?.BestOfferCents), Dollars(median), locked));
            }

            var pages = (total + PageSize - 1) / PageSize;
            return (string.Join('\n', lines), Keyboards.Pager(t, page, pages, p => CallbackData.Build(Prefix, p.ToString(CultureInfo.InvariantCulture))));
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            return (DMarketFailure.Reply(exception, t), null);
        }
    }

    private static string Dollars(long? cents) => cents is { } c ? Money.Format(c) : "—";

    /// <summary>The median of the title's recent sales the Scanner recorded; null when it has none.</summary>
    private async Task<long?> MedianAsync(string gameId, string title, CancellationToken cancellationToken)
    {
        var prices = await db.Sales.AsNoTracking()
            .Where(s => db.Items.Any(i => i.Id == s.ItemId && i.GameId == gameId && i.Title == title))
            .OrderByDescending(s => s.SoldAt).Take(MedianSales).Select(s => s.PriceCents).ToListAsync(cancellationToken);
        if (prices.Count == 0)
        {
            return null;
        }

        prices.Sort();
        return prices.Count % 2 == 1 ? prices[prices.Count / 2] : (prices[(prices.Count / 2) - 1] + prices[prices.Count / 2]) / 2;
    }
}
