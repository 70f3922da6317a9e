using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.Api;

/// <summary>A migrated database with opportunities, items, prices, sales and scans written as the scanner writes them.</summary>
public static class ApiSeed
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static async Task<string> DatabaseAsync(InfrastructureFixture infrastructure, int opportunities = 60)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("api");
        await using var db = SchemaTests.NewContext(database);
        await DMarketDbMigrator.MigrateAsync(db, CancellationToken.None);

        var item = new Item { GameId = "a8db", Title = "AK-47 | Redline (Field-Tested)", FirstSeenAt = Now.AddDays(-3), UpdatedAt = Now };
        var rustItem = new Item { GameId = "rust", Title = "Tempered AK47", FirstSeenAt = Now.AddDays(-3), UpdatedAt = Now };
        db.Items.AddRange(item, rustItem);
        await db.SaveChangesAsync();

        for (var i = 0; i < 5; i++)
        {
            db.PriceSnapshots.Add(new PriceSnapshot { ItemId = item.Id, BestOfferCents = 1300 + i, OfferCount = 10, BestBuyOrderCents = 1150, BuyOrderCount = 4, MedianSaleCents = 1250, CapturedAt = Now.AddHours(-5 + i) });
            db.Sales.Add(new Sale { ItemId = item.Id, PriceCents = 1240 + i, SoldAt = Now.AddHours(-10 + i), OperationType = "Offer" });
        }

        for (var i = 0; i < opportunities; i++)
        {
            db.Opportunities.Add(Opportunity(i % 3 == 0 ? rustItem : item, i));
        }

        db.Scans.Add(new Scan { GameId = "a8db", Level = "medium", Replica = "seed", StartedAt = Now.AddMinutes(-5), FinishedAt = Now.AddMinutes(-4), Status = "Completed", OffersPriced = 400, OpportunitiesFound = 40 });
        db.Scans.Add(new Scan { GameId = "rust", Level = "medium", Replica = "seed", StartedAt = Now.AddMinutes(-3), FinishedAt = Now.AddMinutes(-2), Status = "Completed", OffersPriced = 100, OpportunitiesFound = 20 });
        await db.SaveChangesAsync();
        return database;
    }

    public static Opportunity Opportunity(Item item, int i) => new()
    {
        OfferId = $"offer-{Guid.NewGuid():N}",
        GameId = item.GameId,
        Level = "medium",
        Title = item.Title,
        ItemId = item.Id,
        BuyPriceCents = 1000 + i,
        ResaleCents = 1250,
        FeeFraction = 0.1m,
        // Several rows share a profit, so the id tie-break is exercised.
        ProfitCents = 100 + (i % 7),
        ProfitPercent = 10m + (i % 5),
        Liquidity = 40 + (i % 11),
        Status = OpportunityStatus.Active,
        FirstSeenAt = Now.AddMinutes(-i),
        LastSeenAt = Now,
        // CS2 rows alternate Factory New and Field-Tested, every fourth StatTrak™; Rust rows are weapons.
        Attributes = item.GameId == "a8db"
            ? new OpportunityAttributes { Exterior = i % 2 == 0 ? "Factory New" : "Field-Tested", FloatValue = i % 2 == 0 ? 0.01 + (i % 6 / 100.0) : 0.2, StatTrak = i % 4 == 0, Category = "rifle" }
            : new OpportunityAttributes { Category = "weapon" },
    };
}
