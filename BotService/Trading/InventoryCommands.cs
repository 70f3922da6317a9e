using DMarketAspire.Trading.Accounts;
using System.Globalization;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading;
using DMarketAspire.Trading.Positions;
using DMarketAspire.Trading.Selling;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Trading;

/// <summary>
/// <c>/inventory [page]</c>: what the user holds on DMarket, synced first, each with its cost and what it is worth now:
/// the best buy order (an instant exit), the best offer (the competition) and the median of recent sales.
/// </summary>
public sealed class InventoryCommands(AccountStore accounts, DMarketClient dmarket, PositionBook positions, SaleDesk sales, BotReplies replies, IOptions<TradingOptions> options)
{
    public const string Prefix = "iv";
    private const int PageSize = 8;
    private const int SellButtonsPerRow = 4;

    public async Task InventoryAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var page = c.Command.Arguments.Count == 1 && int.TryParse(c.Command.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked - 1 : 0;
        var (text, buttons) = await PageAsync(c.User, c.Texts, page, sync: true, cancellationToken);
        await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
    }

    /// <summary><c>/cost &lt;item #&gt; &lt;price&gt;</c>: the user's own cost basis for an item whose cost is not known here.</summary>
    public async Task CostAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var args = c.Command.Arguments;
        if (args.Count != 2 || !long.TryParse(args[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var positionId))
        {
            await replies.SendAsync(c.ChatId, t.CostUsage, null, cancellationToken);
            return;
        }

        if (UserInput.ParsePrice(args[1], out var cents) != PriceInput.Valid || cents > options.Value.MaxListPriceCents)
        {
            await replies.SendAsync(c.ChatId, t.Format(t.SellBadPrice, Money.DollarString(options.Value.MaxListPriceCents)), null, cancellationToken);
            return;
        }

        var set = await positions.SetCostAsync(c.User.Id, positionId, cents, cancellationToken);
        await replies.SendAsync(c.ChatId, set ? t.Format(t.CostSet, positionId, Money.DollarString(cents)) : t.Format(t.SellNoPosition, positionId), null, cancellationToken);
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
                var median = await sales.MedianAsync(position.GameId, position.Title, cancellationToken);
                var locked = position.TradeLockUntil is { } until && until > DateTimeOffset.UtcNow
                    ? t.Format(t.InventoryLocked, until.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                    : string.Empty;
                var listed = position.OfferId is not null && position.ListPriceCents is { } ask ? t.Format(t.InventoryListed, Money.DollarString(ask)) : string.Empty;
                lines.Add(t.Format(t.InventoryLine, Html.Escape(position.Title), DMarketGames.Name(position.GameId),
                    position.CostCents is { } cost ? Money.Format(cost) : t.CostUnknown,
                    Dollars(book?.BestBuyOrderCents), Dollars(book?.BestOfferCents), Dollars(median), locked + listed, position.Id));
            }

            var pages = (total + PageSize - 1) / PageSize;
            // One sell button per item, then the pager.
            List<IEnumerable<InlineKeyboardButton>> rows = [.. held.Chunk(SellButtonsPerRow).Select(chunk => chunk.Select(p =>
                Keyboards.Button("💲 #" + p.Id.ToString(CultureInfo.InvariantCulture), SellCommands.Prefix, SellCommands.QuoteAction, p.Id.ToString(CultureInfo.InvariantCulture))))];
            if (Keyboards.Pager(t, page, pages, p => CallbackData.Build(Prefix, p.ToString(CultureInfo.InvariantCulture))) is { } pager)
            {
                rows.AddRange(pager.InlineKeyboard);
            }

            return (string.Join('\n', lines), new InlineKeyboardMarkup(rows));
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            return (DMarketFailure.Reply(exception, t), null);
        }
    }

    private static string Dollars(long? cents) => cents is { } c ? Money.Format(c) : "—";
}
