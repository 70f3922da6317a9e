using System.Globalization;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Items;

/// <summary>
/// <c>/item &lt;title&gt;</c>: the title's best offer and buy order with their depths, its last sales, 7- and 30-day
/// trends and the fee, under a chart of its last 30 days (a PNG, <c>sendPhoto</c>). Part of a title finds it; several
/// matches are offered as buttons.
/// </summary>
public sealed class ItemCommands(ItemReports reports, TitleSearch search, BotReplies replies)
{
    public const string Prefix = "it";
    private const int MinSearchLength = 2;
    private const int LastSales = 5;

    public async Task ItemAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var text = string.Join(' ', c.Command.Arguments).Trim();
        if (text.Length < MinSearchLength)
        {
            await replies.SendAsync(c.ChatId, t.ItemUsage, null, cancellationToken);
            return;
        }

        var matches = await search.FindAsync(text, cancellationToken);
        if (matches.Count == 0)
        {
            await replies.SendAsync(c.ChatId, t.Format(t.ItemNotFound, Html.Escape(text)), null, cancellationToken);
        }
        else if (matches.Count == 1)
        {
            await SendReportAsync(c.ChatId, matches[0].Id, t, cancellationToken);
        }
        else
        {
            var rows = matches.Select(m => new[] { Keyboards.Button($"{m.Title} ({GameAliases.ShortName(m.GameId)})", Prefix, m.Id.ToString(CultureInfo.InvariantCulture)) }).ToList();
            await replies.SendAsync(c.ChatId, t.Format(t.ItemChoose, Html.Escape(text)), new InlineKeyboardMarkup(rows), cancellationToken);
        }
    }

    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        return c.Number(1) is { } itemId && await SendReportAsync(c.ChatId, itemId, c.Texts, cancellationToken) ? null : c.Texts.ButtonExpired;
    }

    private async Task<bool> SendReportAsync(long chatId, long itemId, BotTexts t, CancellationToken cancellationToken)
    {
        if (await reports.ReportAsync(itemId, cancellationToken) is not { } report)
        {
            return false;
        }

        await replies.SendPhotoAsync(chatId, ItemChart.Render(report), "chart.png", Caption(report, t), null, cancellationToken);
        return true;
    }

    private static string Caption(ItemReport r, BotTexts t)
    {
        string Dollars(long? cents) => cents is { } value ? "$" + Money.DollarString(value) : "—";
        string Trend(decimal? percent) => percent is { } p ? (p > 0 ? "+" : string.Empty) + p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : t.ItemNoTrend;
        var sales = r.Sales.Count == 0 ? t.ItemNoSales : string.Join(", ", r.Sales.TakeLast(LastSales).Reverse().Select(s => Dollars(s.PriceCents)));
        return t.Format(t.ItemCaption, Html.Escape(r.Title), DMarketGames.Name(r.GameId), Dollars(r.BestOfferCents), r.OfferCount, Dollars(r.BestBuyOrderCents), r.BuyOrderCount,
            sales, Trend(r.Trend7DaysPercent), Trend(r.Trend30DaysPercent), r.FeePercent.ToString("0.##", CultureInfo.InvariantCulture),
            r.PricesAt is { } at ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—");
    }
}
