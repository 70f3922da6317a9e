using System.Globalization;
using DMarketAspire.BotService.Localization;
using DMarketAspire.DMarket.Client;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Cards;

/// <summary>An opportunity as a Telegram message: escaped HTML, dollars to the user, a link to the item on DMarket.</summary>
public sealed class OpportunityCard(IOptions<BotOptions> options)
{
    // Five cards and a header stay well inside Telegram's 4,096 characters whatever the market's titles.
    private const int MaxTitleLength = 200;

    public string Render(OpportunityView o, BotTexts texts, bool withLink = true)
    {
        var feePercent = (o.FeeFraction * 100m).ToString("0.##", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"<b>{Html.Escape(o.Title.Length <= MaxTitleLength ? o.Title : o.Title[..MaxTitleLength] + "…")}</b>",
            $"{Html.Escape(DMarketGames.Name(o.GameId))} · {Html.Escape(o.Level)}",
            $"{texts.CardBuy} {Money.Format(o.BuyPriceCents)} → {texts.CardResale} {Money.Format(o.ResaleCents)} (fee {feePercent}%)",
            $"{texts.CardProfit} <b>{Money.Format(o.ProfitCents)} ({o.ProfitPercent.ToString("0.#", CultureInfo.InvariantCulture)}%)</b> · {texts.CardLiquidity} {o.Liquidity}/100",
        };
        if (AttributesLine.Render(o.GameId, o.Attributes, texts) is { } attributes)
        {
            lines.Insert(2, attributes);
        }

        if (withLink)
        {
            lines.Add($"<a href=\"{Html.Escape(Link(o))}\">{texts.OpenOnDMarket}</a>");
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// The item on DMarket; buy it now (<see cref="Trading.BuyCommands"/>) or place a buy order for it
    /// (<see cref="Targets.TargetCommands"/>), each after a summary the user confirms.
    /// </summary>
    public InlineKeyboardMarkup Buttons(OpportunityView o, BotTexts texts)
    {
        var id = o.Id.ToString(CultureInfo.InvariantCulture);
        return new([
            [InlineKeyboardButton.WithUrl(texts.OpenOnDMarket, Link(o))],
            [Commands.Keyboards.Button(texts.ButtonBuyNow, Trading.BuyCommands.Prefix, Trading.BuyCommands.ProposeAction, id),
             Commands.Keyboards.Button(texts.ButtonBuyOrder, Targets.TargetCommands.Prefix, Targets.TargetCommands.ProposeAction, id)],
        ]);
    }

    public string Link(OpportunityView o) => Link(o.GameId, o.Title);

    public string Link(string gameId, string title) =>
        $"{options.Value.DMarketSiteUrl.TrimEnd('/')}/ingame-items/item-list/{GameAliases.SiteSlug(gameId)}?title={Uri.EscapeDataString(title)}";
}
