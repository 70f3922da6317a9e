using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DMarketAspire.BotService.Items;

/// <summary>
/// Finds the titles a user means from what they typed: the title exactly (any case, every game that has it), else the
/// titles holding every word typed (any order, parts of words), else those holding the most of them; shortest first.
/// </summary>
public sealed class TitleSearch(DMarketDbContext db)
{
    public const int MaxMatches = 6;
    private const int MinWordLength = 2;

    public async Task<IReadOnlyList<(long Id, string GameId, string Title)>> FindAsync(string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        var exact = await db.Items.AsNoTracking().Where(i => i.Title.ToLower() == text.ToLower()).OrderBy(i => i.GameId)
            .Select(i => new { i.Id, i.GameId, i.Title }).ToListAsync(cancellationToken);
        if (exact.Count > 0)
        {
            return exact.Select(i => (i.Id, i.GameId, i.Title)).ToList();
        }

        var patterns = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length >= MinWordLength).Distinct(StringComparer.OrdinalIgnoreCase).Select(Pattern).ToArray();
        if (patterns.Length == 0)
        {
            patterns = [Pattern(text)];
        }

        // The most words first: every word typed if any title has them all, else as many as some title has.
        const string sql = """
            SELECT id AS "Id", game_id AS "GameId", title AS "Title", (SELECT count(*)::int FROM unnest(@patterns) AS p WHERE title ILIKE p) AS "Words"
            FROM items WHERE title ILIKE ANY(@patterns)
            ORDER BY 4 DESC, length(title), title, game_id
            LIMIT @limit
            """;
        var ranked = await db.Database.SqlQueryRaw<TitleMatch>(sql, new NpgsqlParameter("patterns", patterns), new NpgsqlParameter("limit", MaxMatches))
            .ToListAsync(cancellationToken);
        return ranked.Where(m => m.Words == ranked[0].Words).Select(m => (m.Id, m.GameId, m.Title)).ToList();
    }

    private static string Pattern(string word) => "%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    private sealed record TitleMatch(long Id, string GameId, string Title, int Words);
}
