using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.IntegrationTests.Data;

/// <summary>
/// Retiring opportunities outside a scan (the listing watch, a buy that found its listing sold): on real PostgreSQL,
/// writers racing over the same rows turn each active one Gone once, with one outbox event, and leave gone ones alone.
/// </summary>
public sealed class OpportunityRetirementTests(InfrastructureFixture infrastructure)
{
    private const int Active = 40, AlreadyGone = 5, Writers = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WritersRacingOverTheSameOpportunitiesRetireEachOnceWithOneEvent()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("retirement");
        var earlier = DateTimeOffset.UtcNow.AddMinutes(-5);
        List<long> ids;
        await using (var db = SchemaTests.NewContext(database))
        {
            await DMarketDbMigrator.MigrateAsync(db, Ct);
            var item = new Item { GameId = "rust", Title = "Retired Crate", FirstSeenAt = earlier, UpdatedAt = earlier };
            db.Items.Add(item);
            await db.SaveChangesAsync(Ct);
            db.Opportunities.AddRange(Enumerable.Range(0, Active + AlreadyGone).Select(i => new Opportunity
            {
                OfferId = $"retire-{i}", GameId = "rust", Level = "standard", Title = item.Title, ItemId = item.Id, BuyPriceCents = 100 + i,
                Status = i < Active ? OpportunityStatus.Active : OpportunityStatus.Gone, GoneAt = i < Active ? null : earlier,
                GoneReason = i < Active ? null : "Earlier", FirstSeenAt = earlier, LastSeenAt = earlier,
            }));
            await db.SaveChangesAsync(Ct);
            ids = await db.Opportunities.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(Ct);
        }

        // Each writer retires every row, in its own order; one more retires them one by one (as buys do).
        var now = DateTimeOffset.UtcNow;
        var batches = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await using var db = SchemaTests.NewContext(database);
            return await OpportunityRetirement.RetireAsync(db, [.. ids.OrderBy(id => (id * 7919 + w) % 97)], "Gone in a race", now, Ct);
        }, Ct)).ToList();
        var singles = Task.Run(async () =>
        {
            await using var db = SchemaTests.NewContext(database);
            List<long> retired = [];
            foreach (var id in ids.AsEnumerable().Reverse())
            {
                if (await OpportunityRetirement.RetireAsync(db, id, "Gone in a race", now, Ct))
                {
                    retired.Add(id);
                }
            }

            return retired;
        }, Ct);
        var results = await Task.WhenAll(batches);
        var retiredOneByOne = await singles;

        // Every active row was retired by exactly one writer; no gone row by any.
        var retiredIds = results.SelectMany(r => r.Ids).Concat(retiredOneByOne).ToList();
        Assert.Equal(ids.Take(Active).Order(), retiredIds.Order());

        await using var check = SchemaTests.NewContext(database);
        var rows = await check.Opportunities.AsNoTracking().ToDictionaryAsync(o => o.Id, Ct);
        Assert.All(ids.Take(Active), id => Assert.Equal((OpportunityStatus.Gone, "Gone in a race"), (rows[id].Status, rows[id].GoneReason)));
        Assert.All(ids.Skip(Active), id => Assert.Equal("Earlier", rows[id].GoneReason));
        var events = await check.OpportunityEvents.AsNoTracking().Where(e => e.Kind == OpportunityEventKind.Gone).ToListAsync(Ct);
        Assert.Equal(ids.Take(Active).Order(), events.Select(e => e.OpportunityId).Order());

        // Each batch tells the last event it wrote, so the listing watch wakes readers up to it.
        Assert.All(results.Where(r => r.Ids.Count > 0), r => Assert.Equal(events.Where(e => r.Ids.Contains(e.OpportunityId)).Max(e => e.Id), r.LastEventId));
        Assert.All(results.Where(r => r.Ids.Count == 0), r => Assert.Equal(0, r.LastEventId));
    }
}
