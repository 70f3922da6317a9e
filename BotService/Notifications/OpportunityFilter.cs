using DMarketAspire.BotService.Cards;
using DMarketAspire.Data.Domain;

namespace DMarketAspire.BotService.Notifications;

/// <summary>Whether an opportunity passes a user's filters: games, levels, minimum profit (% and $), max price, liquidity.</summary>
public static class OpportunityFilter
{
    public static bool Matches(BotUser user, OpportunityView o) =>
        (user.Games.Length == 0 || user.Games.Contains(o.GameId))
        && (user.Levels.Length == 0 || user.Levels.Contains(o.Level))
        && o.ProfitPercent >= user.MinProfitPercent
        && o.ProfitCents >= user.MinProfitCents
        && (user.MaxPriceCents is not { } max || o.BuyPriceCents <= max)
        && o.Liquidity >= user.MinLiquidity;

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

        return query;
    }

    public static OpportunityView View(Opportunity o) =>
        new(o.Id, o.GameId, o.Level, o.Title, o.BuyPriceCents, o.ResaleCents, o.FeeFraction, o.ProfitCents, o.ProfitPercent, o.Liquidity);
}
