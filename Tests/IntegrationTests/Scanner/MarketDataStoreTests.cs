using DMarketAspire.Data.Infrastructure;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Scanning;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>
/// The sweeps and the fresh pass write the same titles' rows at once, many per statement. On real PostgreSQL: a bulk write
/// handed its rows in any order locks them in key order, so it cannot hold a row another writer is about to want while
/// waiting for one that writer holds (seen at market scale: "deadlock detected" in item_prices, the fresh pass's round lost).
/// </summary>
public sealed class MarketDataStoreTests(InfrastructureFixture infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Writers => ["SavePrices", "LowerBestOffers", "EnsureItems"];

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task ABulkWriteLocksItsRowsInKeyOrderSoTwoWritersCannotDeadlock(string writer)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("bulk-lock-order");
        var now = DateTimeOffset.UtcNow;
        long first, second;
        await using (var db = SchemaTests.NewContext(database))
        {
            await DMarketDbMigrator.MigrateAsync(db, Ct);
            var ids = await new MarketDataStore(db).EnsureItemsAsync("rust", ["Alpha Crate", "Beta Crate"], now, Ct);
            (first, second) = (ids["Alpha Crate"], ids["Beta Crate"]);
            await new MarketDataStore(db).SavePricesAsync([(first, new OrderBook(100, 1, 200, 1)), (second, new OrderBook(100, 1, 200, 1))], now, Ct);
        }

        // Another writer holds the first row (in key order) and will want the second.
        var (table, key, firstKey, secondKey) = writer == "EnsureItems"
            ? ("items", "title", (object)"Alpha Crate", (object)"Beta Crate")
            : ("item_prices", "item_id", first, second);
        await using var other = new NpgsqlConnection(database);
        await other.OpenAsync(Ct);
        await using var otherTransaction = await other.BeginTransactionAsync(Ct);
        await LockAsync(firstKey);

        // The store is handed the rows in reverse key order.
        await using var storeDb = SchemaTests.NewContext(database);
        var store = new MarketDataStore(storeDb);
        var later = now.AddSeconds(1);
        var write = writer switch
        {
            "SavePrices" => store.SavePricesAsync([(second, new OrderBook(110, 1, 190, 1)), (first, new OrderBook(110, 1, 190, 1))], later, Ct),
            "LowerBestOffers" => store.LowerBestOffersAsync([(second, 150L), (first, 150L)], later, Ct),
            _ => store.EnsureItemsAsync("rust", ["Beta Crate", "Alpha Crate"], later, Ct),
        };
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.False(write.IsCompleted, "the store's write should wait for the row the other writer holds");

        // In key order the store holds nothing yet, so the other writer gets the second row at once (in the order given,
        // the store would hold it: PostgreSQL finds the deadlock after its deadlock_timeout, 1 s, and aborts one of them).
        await LockAsync(secondKey);
        await otherTransaction.CommitAsync(Ct);
        await write.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await using var check = SchemaTests.NewContext(database);
        if (writer == "EnsureItems")
        {
            Assert.Equal(2, await check.Items.CountAsync(i => i.UpdatedAt >= later, Ct));
        }
        else
        {
            Assert.Equal(2, await check.ItemPrices.CountAsync(p => p.BestOfferCents == (writer == "SavePrices" ? 190 : 150), Ct));
        }

        async Task LockAsync(object value)
        {
            await using var command = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE {key} = @value FOR UPDATE", other, otherTransaction);
            command.Parameters.AddWithValue("value", value);
            // Within the deadlock timeout's reach: a deadlock aborts one side with 40P01, which fails the test either way.
            command.CommandTimeout = 10;
            Assert.NotNull(await command.ExecuteScalarAsync(Ct));
        }
    }
}
