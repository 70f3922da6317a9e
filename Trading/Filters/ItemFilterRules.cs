using System.Linq.Expressions;
using DMarketAspire.Data.Domain;
using DMarketAspire.DMarket.Client;

namespace DMarketAspire.Trading.Filters;

/// <summary>
/// Whether an item passes a user's <see cref="ItemFilter"/>, in memory (the notification planner) and as SQL (the
/// lists): the two must agree, which a test checks over generated items and filters. Each constraint binds only items
/// of its game; an item without the attribute fails a constraint on it (a CS2 sticker has no float).
/// </summary>
public static class ItemFilterRules
{
    private const string Cs2 = DMarketGames.CounterStrike2;
    private const string Dota2 = DMarketGames.Dota2;
    private const string Tf2 = DMarketGames.TeamFortress2;
    private const string Rust = DMarketGames.Rust;

    public static bool Admits(ItemFilter f, string gameId, OpportunityAttributes a) =>
        (f.MaxTradeLockDays is not { } days || a.TradeLockDays <= days)
        && gameId switch
        {
            Cs2 => In(f.Exteriors, a.Exterior)
                && (f.FloatFrom is not { } from || a.FloatValue >= from)
                && (f.FloatTo is not { } to || a.FloatValue < to)
                && In(f.Phases, a.Phase)
                && Holds(f.StatTrak, a.StatTrak)
                && Holds(f.Souvenir, a.Souvenir)
                && Holds(f.Stickers, a.Stickers > 0)
                && In(f.Cs2Categories, a.Category),
            Dota2 => In(f.Heroes, a.Hero) && In(f.DotaQualities, a.Quality) && In(f.DotaRarities, a.Rarity),
            Tf2 => In(f.Tf2Qualities, a.Quality) && In(f.Killstreaks, a.Killstreak) && (!f.CraftableOnly || a.Craftable != false),
            Rust => In(f.RustCategories, a.Category),
            _ => true,
        };

    /// <summary>The same rules as SQL over opportunities; one clause per constraint set, none when the filter is empty.</summary>
    public static IQueryable<Opportunity> Apply(IQueryable<Opportunity> query, ItemFilter f)
    {
        if (f.IsAny)
        {
            return query;
        }

        if (f.MaxTradeLockDays is { } days)
        {
            query = query.Where(o => o.Attributes.TradeLockDays <= days);
        }

        query = ApplyCs2(query, f);
        query = OnGame(query, Dota2, f.Heroes, o => o.Attributes.Hero);
        query = OnGame(query, Dota2, f.DotaQualities, o => o.Attributes.Quality);
        query = OnGame(query, Dota2, f.DotaRarities, o => o.Attributes.Rarity);
        query = OnGame(query, Tf2, f.Tf2Qualities, o => o.Attributes.Quality);
        query = OnGame(query, Tf2, f.Killstreaks, o => o.Attributes.Killstreak);
        if (f.CraftableOnly)
        {
            query = query.Where(o => o.GameId != Tf2 || o.Attributes.Craftable != false);
        }

        return OnGame(query, Rust, f.RustCategories, o => o.Attributes.Category);
    }

    private static IQueryable<Opportunity> ApplyCs2(IQueryable<Opportunity> query, ItemFilter f)
    {
        query = OnGame(query, Cs2, f.Exteriors, o => o.Attributes.Exterior);
        query = OnGame(query, Cs2, f.Phases, o => o.Attributes.Phase);
        query = OnGame(query, Cs2, f.Cs2Categories, o => o.Attributes.Category);
        if (f.FloatFrom is { } from)
        {
            query = query.Where(o => o.GameId != Cs2 || o.Attributes.FloatValue >= from);
        }

        if (f.FloatTo is { } to)
        {
            query = query.Where(o => o.GameId != Cs2 || o.Attributes.FloatValue < to);
        }

        query = f.StatTrak switch
        {
            Presence.Only => query.Where(o => o.GameId != Cs2 || o.Attributes.StatTrak),
            Presence.Without => query.Where(o => o.GameId != Cs2 || !o.Attributes.StatTrak),
            _ => query,
        };
        query = f.Souvenir switch
        {
            Presence.Only => query.Where(o => o.GameId != Cs2 || o.Attributes.Souvenir),
            Presence.Without => query.Where(o => o.GameId != Cs2 || !o.Attributes.Souvenir),
            _ => query,
        };
        return f.Stickers switch
        {
            Presence.Only => query.Where(o => o.GameId != Cs2 || o.Attributes.Stickers > 0),
            Presence.Without => query.Where(o => o.GameId != Cs2 || o.Attributes.Stickers == null || o.Attributes.Stickers <= 0),
            _ => query,
        };
    }

    private static IQueryable<Opportunity> OnGame(IQueryable<Opportunity> query, string gameId, string[] allowed, Expression<Func<Opportunity, string?>> value)
    {
        if (allowed.Length == 0)
        {
            return query;
        }

        // o => o.GameId != game || allowed.Contains(value(o)), built once so each attribute needs no copy of it; the list
        // is read through a closure so EF sends it as a parameter, not as SQL text.
        var o = value.Parameters[0];
        var values = Expression.Property(Expression.Constant(new Captured(allowed)), nameof(Captured.Values));
        var body = Expression.OrElse(
            Expression.NotEqual(Expression.Property(o, nameof(Opportunity.GameId)), Expression.Constant(gameId)),
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], values, value.Body));
        return query.Where(Expression.Lambda<Func<Opportunity, bool>>(body, o));
    }

    private static bool In(string[] allowed, string? value) => allowed.Length == 0 || (value is not null && allowed.Contains(value, StringComparer.Ordinal));

    private sealed record Captured(string[] Values);

    private static bool Holds(Presence wanted, bool has) => wanted switch
    {
        Presence.Only => has,
        Presence.Without => !has,
        _ => true,
    };
}
