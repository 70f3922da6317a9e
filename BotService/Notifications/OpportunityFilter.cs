using DMarketAspire.BotService.Cards;
using DMarketAspire.Data.Domain;
using DMarketAspire.Trading.Filters;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Notifications;

/// <summary>
/// Whether an opportunity passes a user's filters: games, levels, minimum profit (% and $), max price, liquidity, and
/// their word lists (no title with a skip word; with "only" words, only titles holding one), case-insensitive, and
/// their item attributes per game (<see cref="ItemFilterRules"/>).
/// </summary>
public static class OpportunityFilter
{
    public static bool Matches(BotUser user, OpportunityView o) =>
        (user.Games.Length == 0 || user.Games.Contains(o.GameId))
        && (user.Levels.Length == 0 || user.Levels.Contains(o.Level))
        && o.ProfitPercent >= user.MinProfitPercent
        && o.ProfitCents >= user.MinProfitCents
        && (user.MaxPriceCents is not { } max || o.BuyPriceCents <= max)
        && o.Liquidity >= user.MinLiquidity
        && !user.SkipWords.Any(w => o.Title.Contains(w, StringComparison.OrdinalIgnoreCase))
        && (user.OnlyWords.Length == 0 || user.OnlyWords.Any(w => o.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
        && ItemFilterRules.Admits(user.ItemFilter, o.GameId, o.Attributes);

    /// <summary>The same filters as a query over active opportunities, for <c>/scan</c>, <c>/top</c> and <c>/stats</c>.</summary>
    public static IQueryable<Opportunity> Apply(IQueryable<Opportunity> query, BotUser user)
    {
        query = query.Where(o => o.Status == OpportunityStatus.Active && o.ProfitPercent >= user.MinProfitPercent && o.ProfitCents >= user.MinProfitCents && o.Liquidity >= user.MinLiquidity);
        if (user.Games.Length > 0)
        {
            query = query.Where(o => user.Games.Contains(o.GameId));
        }

        if (user.Levels.Length > 0)
        {
            query = query.Where(o => user.Levels.Contains(o.Level));
        }

        if (user.MaxPriceCents is { } max)
        {
            query = query.Where(o => o.BuyPriceCents <= max);
        }

        // ILIKE ANY over the patterns: one clause however many words.
        if (user.SkipWords.Length > 0)
        {
            var skip = Patterns(user.SkipWords);
            query = query.Where(o => !skip.Any(p => EF.Functions.ILike(o.Title, p)));
        }

        if (user.OnlyWords.Length > 0)
        {
            var only = Patterns(user.OnlyWords);
            query = query.Where(o => only.Any(p => EF.Functions.ILike(o.Title, p)));
        }

        return ItemFilterRules.Apply(query, user.ItemFilter);
    }

    /// <summary>"%word%" with LIKE's own characters escaped, so a word is matched as typed.</summary>
    private static string[] Patterns(string[] words) =>
        [.. words.Select(w => "%" + w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%")];

    public static OpportunityView View(Opportunity o) =>
        new(o.Id, o.GameId, o.Level, o.Title, o.BuyPriceCents, o.ResaleCents, o.FeeFraction, o.ProfitCents, o.ProfitPercent, o.Liquidity, o.Attributes);
}
