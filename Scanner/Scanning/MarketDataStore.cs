using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Writes what a scan learned about titles (items, sales, price snapshots, fees) in bulk, idempotently. Every multi-row
/// upsert takes its rows in key order: the sweeps and the fresh pass write the same titles at once, and two statements
/// locking rows in different orders deadlock (seen at market scale: the fresh pass's round failed, a second lost each time).
/// </summary>
public sealed class MarketDataStore(DMarketDbContext db)
{
    /// <summary>Makes sure every title has an item row; returns title → item id.</summary>
    public async Task<Dictionary<string, long>> EnsureItemsAsync(string gameId, IReadOnlyCollection<string> titles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO items (game_id, title, first_seen_at, updated_at)
            SELECT @game, t, @now, @now FROM unnest(@titles) AS t ORDER BY t
            ON CONFLICT (game_id, title) DO UPDATE SET updated_at = EXCLUDED.updated_at
            RETURNING id, title
            """;
        Dictionary<string, long> ids = new(StringComparer.Ordinal);
        if (titles.Count == 0)
        {
            return ids;
        }

        await using var command = await CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("game", gameId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("titles", titles.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(1)] = reader.GetInt64(0);
        }

        return ids;
    }

    /// <summary>
    /// What each of a game's titles sold for (the median of its sales stored since <paramref name="since"/>): what an
    /// earlier run learned, so a restarted Scanner can tell an underpriced listing from the first minute.
    /// </summary>
    public async Task<List<(string Title, long MedianCents)>> LoadSalesMediansAsync(string gameId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.title, percentile_disc(0.5) WITHIN GROUP (ORDER BY s.price_cents)
            FROM items i JOIN sales s ON s.item_id = i.id
            WHERE i.game_id = @game AND s.sold_at >= @since
            GROUP BY i.title
            """;
        await using var command = await CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("game", gameId);
        command.Parameters.AddWithValue("since", since);
        List<(string, long)> medians = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            medians.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return medians;
    }

    /// <summary>
    /// Each of a game's titles' latest order book observed since <paramref name="since"/>, and when: what an earlier run
    /// read, so a restarted Scanner's fresh pass spends its first minute on pages rather than on books it had.
    /// </summary>
    public async Task<List<(string Title, OrderBook Book, DateTimeOffset ObservedAt)>> LoadBooksAsync(string gameId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.title, p.best_buy_order_cents, p.buy_order_count, p.best_offer_cents, p.offer_count, p.observed_at
            FROM items i JOIN item_prices p ON p.item_id = i.id
            WHERE i.game_id = @game AND p.observed_at >= @since
            """;
        await using var command = await CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("game", gameId);
        command.Parameters.AddWithValue("since", since);
        List<(string, OrderBook, DateTimeOffset)> books = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var book = new OrderBook(
                reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetInt64(4));
            books.Add((reader.GetString(0), book, reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return books;
    }

    public async Task SaveSalesAsync(IReadOnlyCollection<(long ItemId, Sale Sale)> sales, CancellationToken cancellationToken)
    {
        if (sales.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO sales (item_id, price_cents, sold_at, operation_type)
            SELECT * FROM unnest(@items, @prices, @dates, @types) AS s(i, p, d, t) ORDER BY i, d, p, t
            ON CONFLICT DO NOTHING
            """;
        await using var command = await CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("items", sales.Select(s => s.ItemId).ToArray());
        command.Parameters.AddWithValue("prices", sales.Select(s => s.Sale.PriceCents).ToArray());
        command.Parameters.AddWithValue("dates", sales.Select(s => s.Sale.Date).ToArray());
        command.Parameters.AddWithValue("types", sales.Select(s => s.Sale.OperationType).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveSnapshotsAsync(IReadOnlyCollection<(long ItemId, OrderBook Book, long? Median)> snapshots, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO price_snapshots (item_id, best_offer_cents, offer_count, best_buy_order_cents, buy_order_count, median_sale_cents, captured_at)
            SELECT i, o, oc, b, bc, m, @now FROM unnest(@items, @offers, @offerCounts, @bids, @bidCounts, @medians) AS s(i, o, oc, b, bc, m)
            """;
        await using var command = await CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("items", snapshots.Select(s => s.ItemId).ToArray());
        command.Parameters.AddWithValue("offers", snapshots.Select(s => s.Book.BestOfferCents).ToArray());
        command.Parameters.AddWithValue("offerCounts", snapshots.Select(s => s.Book.OfferCount).ToArray());
        command.Parameters.AddWithValue("bids", snapshots.Select(s => s.Book.BestBuyOrderCents).ToArray());
        command.Parameters.AddWithValue("bidCounts", snapshots.Select(s => s.Book.BuyOrderCount).ToArray());
        command.Parameters.AddWithValue("medians", snapshots.Select(s => s.Median).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Overwrites titles' latest order books (what price alerts watch), unless a newer answer is already there.</summary>
    public async Task SavePricesAsync(IReadOnlyCollection<(long ItemId, OrderBook Book)> books, DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        if (books.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO item_prices (item_id, best_offer_cents, offer_count, best_buy_order_cents, buy_order_count, observed_at)
            SELECT i, o, oc, b, bc, @at FROM unnest(@items, @offers, @offerCounts, @bids, @bidCounts) AS s(i, o, oc, b, bc) ORDER BY i
            ON CONFLICT (item_id) DO UPDATE SET best_offer_cents = EXCLUDED.best_offer_cents, offer_count = EXCLUDED.offer_count,
                best_buy_order_cents = EXCLUDED.best_buy_order_cents, buy_order_count = EXCLUDED.buy_order_count, observed_at = EXCLUDED.observed_at
            WHERE item_prices.observed_at <= EXCLUDED.observed_at
            """;
        await using var command = await CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("at", observedAt);
        command.Parameters.AddWithValue("items", books.Select(b => b.ItemId).ToArray());
        command.Parameters.AddWithValue("offers", books.Select(b => b.Book.BestOfferCents).ToArray());
        command.Parameters.AddWithValue("offerCounts", books.Select(b => b.Book.OfferCount).ToArray());
        command.Parameters.AddWithValue("bids", books.Select(b => b.Book.BestBuyOrderCents).ToArray());
        command.Parameters.AddWithValue("bidCounts", books.Select(b => b.Book.BuyOrderCount).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Aggregated prices as they came from DMarket, for the titles among <paramref name="itemIds"/>.</summary>
    public Task SavePricesAsync(IEnumerable<AggregatedPrice> books, IReadOnlyDictionary<string, long> itemIds, DateTimeOffset observedAt, CancellationToken cancellationToken) =>
        SavePricesAsync([.. books.Where(b => itemIds.ContainsKey(b.Title)).Select(b => (itemIds[b.Title], OrderBook.Of(b)))], observedAt, cancellationToken);

    /// <summary>
    /// New listings seen before the next sweep: each lowers its title's best offer if it is cheaper (the rest of the
    /// book waits for the sweep, which overwrites it whole).
    /// </summary>
    public async Task LowerBestOffersAsync(IReadOnlyCollection<(long ItemId, long PriceCents)> listings, DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        if (listings.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO item_prices (item_id, best_offer_cents, offer_count, best_buy_order_cents, buy_order_count, observed_at)
            SELECT i, min(p), count(*), NULL, 0, @at FROM unnest(@items, @prices) AS s(i, p) GROUP BY i ORDER BY i
            ON CONFLICT (item_id) DO UPDATE SET best_offer_cents = LEAST(item_prices.best_offer_cents, EXCLUDED.best_offer_cents), observed_at = EXCLUDED.observed_at
            WHERE item_prices.observed_at <= EXCLUDED.observed_at AND (item_prices.best_offer_cents IS NULL OR EXCLUDED.best_offer_cents < item_prices.best_offer_cents)
            """;
        await using var command = await CommandAsync(sql, cancellationToken);
        command.Parameters.AddWithValue("at", observedAt);
        command.Parameters.AddWithValue("items", listings.Select(l => l.ItemId).ToArray());
        command.Parameters.AddWithValue("prices", listings.Select(l => l.PriceCents).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces a game's fee rules with a freshly fetched table.</summary>
    public async Task ReplaceFeesAsync(string gameId, FeeTable table, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Fees.Where(f => f.GameId == gameId).ExecuteDeleteAsync(ct);
            db.Fees.Add(new Data.Domain.Fee { GameId = gameId, Fraction = table.DefaultFraction, MinPriceCents = 0, MaxPriceCents = long.MaxValue, FetchedAt = now });
            db.Fees.AddRange(table.ReducedFees.Select(f => new Data.Domain.Fee
            {
                GameId = gameId,
                Title = f.Title,
                Fraction = f.Fraction,
                MinPriceCents = f.MinPriceCents,
                MaxPriceCents = f.MaxPriceCents,
                ExpiresAt = f.ExpiresAt,
                FetchedAt = now,
            }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }, cancellationToken);
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return new NpgsqlCommand(sql, connection);
    }
}
