using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Commands;

/// <summary>
/// <c>/scan [game] [level]</c> and <c>/top</c>: the current active opportunities under the user's filters, best first,
/// a page at a time. Pages are read afresh on every press, so they follow the market.
/// </summary>
public sealed class ScanCommands(DMarketDbContext db, OpportunityCard cards, BotReplies replies, IOptions<BotOptions> options, IOptions<PricingOptions> pricing)
{
    public const string ScanPrefix = "sc";
    public const string TopPrefix = "tp";
    private const string Any = "-";

    public async Task ScanAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string? game = null, level = null;
        var t = context.Texts;
        for (var i = 0; i < context.Command.Arguments.Count; i++)
        {
            var argument = context.Command.Arguments[i];
            if (GameAliases.Find(argument) is { } found && game is null)
            {
                game = found;
            }
            else if (Level(argument) is { } foundLevel && level is null)
            {
                level = foundLevel;
            }
            else
            {
                var known = GameAliases.Find(argument) is not null || Level(argument) is not null;
                var problem = known || i > 1 ? "" : t.Format(i == 0 ? t.UnknownGame : t.UnknownLevel, Html.Escape(Shorten(argument))) + "\n";
                await replies.SendAsync(context.ChatId, problem + t.ScanUsage, null, cancellationToken);
                return;
            }
        }

        var (html, buttons) = await ScanPageAsync(context.User, context.Texts, game, level, 0, cancellationToken);
        await replies.SendAsync(context.ChatId, html, buttons, cancellationToken);
    }

    public async Task TopAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (html, buttons) = await TopPageAsync(context.User, context.Texts, 0, cancellationToken);
        await replies.SendAsync(context.ChatId, html, buttons, cancellationToken);
    }

    /// <summary><c>sc:game:level:page</c> and <c>tp:page</c>.</summary>
    public async Task<string?> PageAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        if (context.Part(0) == TopPrefix && int.TryParse(context.Part(1), out var topPage))
        {
            var (html, buttons) = await TopPageAsync(context.User, context.Texts, topPage, cancellationToken);
            await context.ShowAsync(html, buttons, cancellationToken);
            return null;
        }

        var game = context.Part(1) is var g && g != Any ? GameAliases.Find(g) : null;
        var level = context.Part(2) is var l && l != Any ? Level(l) : null;
        if (!int.TryParse(context.Part(3), out var page) || (context.Part(1) != Any && game is null) || (context.Part(2) != Any && level is null))
        {
            return context.Texts.ButtonExpired;
        }

        var (scanHtml, scanButtons) = await ScanPageAsync(context.User, context.Texts, game, level, page, cancellationToken);
        await context.ShowAsync(scanHtml, scanButtons, cancellationToken);
        return null;
    }

    private async Task<(string Html, InlineKeyboardMarkup? Buttons)> ScanPageAsync(BotUser user, BotTexts t, string? game, string? level, int page, CancellationToken cancellationToken)
    {
        // An explicit game or level replaces the user's choice of games or levels; the other filters still apply.
        var filters = new BotUser
        {
            FirstName = user.FirstName,
            Language = user.Language,
            TimeZone = user.TimeZone,
            Games = game is null ? user.Games : [game],
            Levels = level is null ? user.Levels : [level],
            MinProfitPercent = user.MinProfitPercent,
            MinProfitCents = user.MinProfitCents,
            MaxPriceCents = user.MaxPriceCents,
            MinLiquidity = user.MinLiquidity,
            SkipWords = user.SkipWords,
            OnlyWords = user.OnlyWords,
            ItemFilter = user.ItemFilter,
        };
        var scope = string.Join(" · ", new[] { game is null ? null : DMarket.Client.DMarketGames.Name(game), level }.Where(s => s is not null)) is { Length: > 0 } named ? named : t.All;
        var gamePart = game is null ? Any : GameAliases.ShortName(game);
        var levelPart = level ?? Any;
        return await PageAsync(filters, t, page, count => t.Format(t.ScanHeader, Html.Escape(scope), count), p => CallbackData.Build(ScanPrefix, gamePart, levelPart, p.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
    }

    private Task<(string Html, InlineKeyboardMarkup? Buttons)> TopPageAsync(BotUser user, BotTexts t, int page, CancellationToken cancellationToken) =>
        PageAsync(user, t, page, count => t.Format(t.TopHeader, count), p => CallbackData.Build(TopPrefix, p.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);

    private async Task<(string Html, InlineKeyboardMarkup? Buttons)> PageAsync(
        BotUser filters, BotTexts t, int page, Func<int, string> header, Func<int, string> data, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = OpportunityFilter.Apply(db.Opportunities.AsNoTracking(), filters);
        var count = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(Math.Min(count, settings.MaxResults) / (double)settings.PageSize));
        page = Math.Clamp(page, 0, pages - 1);
        var rows = await query.OrderByDescending(o => o.ProfitPercent).ThenBy(o => o.Id)
            .Skip(page * settings.PageSize).Take(settings.PageSize).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (header(0) + "\n\n" + t.NoOpportunities, null);
        }

        var body = string.Join("\n\n", rows.Select(o => cards.Render(OpportunityFilter.View(o), t)));
        return (header(count) + "\n\n" + body, Keyboards.Pager(t, page, pages, data));
    }

    private string? Level(string text) => pricing.Value.EffectiveLevels.FirstOrDefault(l => string.Equals(l.Name, text, StringComparison.OrdinalIgnoreCase))?.Name;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
