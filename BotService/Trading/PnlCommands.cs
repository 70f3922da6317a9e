using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Accounts;
using System.Globalization;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Trading.Positions;
using DMarketAspire.Trading.Selling;

namespace DMarketAspire.BotService.Trading;

/// <summary>
/// <c>/pnl</c>: realized profit (sale − the fee DMarket charged − cost) today (the user's day), over 7 and 30 days and
/// all time, per game, the best and worst trade, what the open positions of known cost would realize at the best buy
/// orders now, and a chart of the running total.
/// </summary>
public sealed class PnlCommands(AccountStore accounts, DMarketClient dmarket, TradeBook trades, PositionBook positions, BotReplies replies)
{
    private const int MaxPositionsValued = 500;

    public async Task PnlAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var keys = await accounts.KeysAsync(c.User.Id, cancellationToken);
        if (keys is not null)
        {
            try
            {
                await trades.SyncAsync(c.User.Id, dmarket.ForAccount(keys), cancellationToken);
            }
            catch (Exception exception) when (DMarketFailure.Is(exception))
            {
                // The report still shows what was recorded; DMarket's trouble is said first.
                await replies.SendAsync(c.ChatId, DMarketFailure.Reply(exception, t), null, cancellationToken);
            }
        }

        var report = await trades.ReportAsync(c.User.Id, UserClock.Zone(c.User.TimeZone), cancellationToken);
        if (report.Trades.Count == 0)
        {
            await replies.SendAsync(c.ChatId, t.PnlEmpty, null, cancellationToken);
            return;
        }

        string[] names = [t.PnlToday, t.Pnl7Days, t.Pnl30Days, t.PnlAll];
        List<string> lines = [t.PnlHeader, .. report.Periods.Select((p, i) => Line(t, names[i], p)), string.Empty, t.PnlByGame, .. report.Games.Select(g => Line(t, DMarketGames.IsKnown(g.Name) ? DMarketGames.Name(g.Name) : "?", g))];
        if (report.Best is { } best && report.Worst is { } worst)
        {
            lines.Add(string.Empty);
            lines.Add(t.Format(t.PnlBest, Signed(best.ProfitCents!.Value), Html.Escape(best.Title)));
            lines.Add(t.Format(t.PnlWorst, Signed(worst.ProfitCents!.Value), Html.Escape(worst.Title)));
        }

        if (keys is not null && await UnrealizedAsync(c.User.Id, dmarket.ForAccount(keys), cancellationToken) is { } unrealized)
        {
            lines.Add(t.Format(t.PnlUnrealized, Signed(unrealized.Cents), unrealized.Items));
        }

        await replies.SendAsync(c.ChatId, string.Join('\n', lines), null, cancellationToken);
        await replies.SendPhotoAsync(c.ChatId, PnlChart.Render(report, "Realized profit"), "pnl.png", t.PnlHeader, null, cancellationToken);
    }

    private static string Line(BotTexts t, string name, PnlPeriod p) =>
        t.Format(t.PnlLine, name, Signed(p.RealizedCents), p.Trades, Money.DollarString(p.VolumeCents), Money.DollarString(p.FeesCents),
            p.UnknownCost > 0 ? t.Format(t.PnlUnknownCost, p.UnknownCost) : string.Empty);

    /// <summary>A profit with its sign: +$3.50, −$1.20.</summary>
    public static string Signed(long cents) => (cents < 0 ? "−$" : "+$") + Money.DollarString(Math.Abs(cents));

    /// <summary>Open positions of known cost valued at the best buy order (an instant exit), after the fee is ignored: a lower bound.</summary>
    private async Task<(long Cents, int Items)?> UnrealizedAsync(long userId, DMarketClient account, CancellationToken cancellationToken)
    {
        var (held, _) = await positions.HeldAsync(userId, 0, MaxPositionsValued, cancellationToken);
        var costed = held.Where(p => p.CostCents is not null).ToList();
        if (costed.Count == 0)
        {
            return null;
        }

        try
        {
            long total = 0;
            foreach (var game in costed.GroupBy(p => p.GameId))
            {
                var bids = new Dictionary<string, long>();
                foreach (var titles in game.Select(p => p.Title).Distinct().Chunk(DMarketClient.MaxBatch))
                {
                    foreach (var book in await account.GetAggregatedPricesAsync(game.Key, titles, cancellationToken))
                    {
                        if (book.BestBuyOrderCents is { } bid)
                        {
                            bids[book.Title] = bid;
                        }
                    }
                }

                total += game.Sum(p => bids.TryGetValue(p.Title, out var bid) ? bid - p.CostCents!.Value : -p.CostCents!.Value);
            }

            return (total, costed.Count);
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            return null;
        }
    }
}
