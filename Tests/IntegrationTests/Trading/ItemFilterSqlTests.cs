using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Attributes;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.Trading.Filters;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.IntegrationTests.Trading;

/// <summary>
/// The item filter runs twice: in memory (the notification planner) and as SQL (<c>/scan</c>, <c>/top</c>, the Api).
/// Over generated items of every game and generated filters, PostgreSQL must return exactly what memory admits.
/// </summary>
public sealed class ItemFilterSqlTests(InfrastructureFixture infrastructure)
{
    private const int Items = 400;
    private const int Filters = 120;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgreSqlAndMemoryAgreeOnEveryGeneratedFilter()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("itemfilter");
        var random = new Random(20261203);
        await using (var db = SchemaTests.NewContext(database))
        {
            await DMarketDbMigrator.MigrateAsync(db, Ct);
            var now = DateTimeOffset.UtcNow;
            foreach (var game in DMarketGames.All)
            {
                db.Items.Add(new Item { GameId = game, Title = "Filter Test " + game, FirstSeenAt = now, UpdatedAt = now });
            }

            await db.SaveChangesAsync(Ct);
            var items = await db.Items.ToDictionaryAsync(i => i.GameId, i => i.Id, Ct);
            for (var i = 0; i < Items; i++)
            {
                var game = DMarketGames.All[i % DMarketGames.All.Count];
                db.Opportunities.Add(new Opportunity
                {
                    OfferId = $"filter-{i}", GameId = game, Level = "pro", Title = "Filter Test " + game, ItemId = items[game],
                    Status = OpportunityStatus.Active, FirstSeenAt = now, LastSeenAt = now, Attributes = RandomAttributes(game, random),
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        await using var read = SchemaTests.NewContext(database);
        var all = await read.Opportunities.AsNoTracking().ToListAsync(Ct);
        var admittedSomewhere = 0;
        for (var f = 0; f < Filters; f++)
        {
            var filter = RandomFilter(random);

            var bySql = await ItemFilterRules.Apply(read.Opportunities.AsNoTracking(), filter).Select(o => o.Id).OrderBy(id => id).ToListAsync(Ct);
            var inMemory = all.Where(o => ItemFilterRules.Admits(filter, o.GameId, o.Attributes)).Select(o => o.Id).Order().ToList();

            Assert.True(inMemory.SequenceEqual(bySql), $"filter {string.Join(" · ", ItemFilterInput.Describe(filter))}: memory {inMemory.Count}, SQL {bySql.Count}");
            admittedSomewhere += inMemory.Count is > 0 and < Items ? 1 : 0;
        }

        // The generated filters must bite: most admit some rows and reject others.
        Assert.True(admittedSomewhere > Filters / 2, $"only {admittedSomewhere} of {Filters} filters split the rows");
    }

    private static OpportunityAttributes RandomAttributes(string game, Random random)
    {
        string? Maybe(IReadOnlyList<Term> terms) => random.Next(6) == 0 ? null : terms[random.Next(terms.Count)].Name;
        var a = new OpportunityAttributes { TradeLockDays = random.Next(3) == 0 ? random.Next(8) : 0 };
        switch (game)
        {
            case DMarketGames.CounterStrike2:
                var exterior = random.Next(8) == 0 ? null : ItemVocabulary.Exteriors[random.Next(5)];
                a.Exterior = exterior?.Name;
                a.FloatValue = exterior is null ? null : exterior.FloatMin + ((exterior.FloatMax - exterior.FloatMin) * random.NextDouble());
                a.Phase = random.Next(4) == 0 ? Maybe(ItemVocabulary.Phases) : null;
                a.StatTrak = random.Next(4) == 0;
                a.Souvenir = !a.StatTrak && random.Next(8) == 0;
                a.Category = Maybe(ItemVocabulary.Cs2Categories)?.ToLowerInvariant();
                a.Stickers = random.Next(5) switch { 0 => null, 1 or 2 => 0, _ => random.Next(1, 5) };
                break;
            case DMarketGames.Dota2:
                a.Hero = Maybe(ItemVocabulary.DotaHeroes.Take(6).ToList());
                a.Quality = Maybe(ItemVocabulary.DotaQualities);
                a.Rarity = Maybe(ItemVocabulary.DotaRarities);
                break;
            case DMarketGames.TeamFortress2:
                a.Quality = Maybe(ItemVocabulary.Tf2Qualities);
                a.Killstreak = random.Next(2) == 0 ? null : Maybe(ItemVocabulary.Killstreaks);
                a.Craftable = random.Next(5) switch { 0 => null, 1 => false, _ => true };
                break;
            default:
                a.Category = Maybe(ItemVocabulary.RustCategories)?.ToLowerInvariant();
                break;
        }

        return a;
    }

    private static ItemFilter RandomFilter(Random random)
    {
        string[] Some(IEnumerable<string> values) => random.Next(3) == 0 ? [.. values.Where(_ => random.Next(3) == 0)] : [];
        Presence Either() => (Presence)random.Next(3);
        var from = random.Next(4) == 0 ? Math.Round(random.NextDouble() * 0.4, 3) : (double?)null;
        return new ItemFilter
        {
            Exteriors = Some(ItemVocabulary.Exteriors.Select(e => e.Name)),
            FloatFrom = from,
            FloatTo = random.Next(4) == 0 ? Math.Round((from ?? 0) + 0.01 + (random.NextDouble() * 0.5), 3) : null,
            Phases = Some(ItemVocabulary.Phases.Select(p => p.Name)),
            StatTrak = Either(),
            Souvenir = random.Next(3) == 0 ? Either() : Presence.Any,
            Stickers = random.Next(3) == 0 ? Either() : Presence.Any,
            Cs2Categories = Some(ItemVocabulary.Cs2Categories.Select(c => c.Name.ToLowerInvariant())),
            Heroes = Some(ItemVocabulary.DotaHeroes.Take(6).Select(h => h.Name)),
            DotaQualities = Some(ItemVocabulary.DotaQualities.Select(q => q.Name)),
            DotaRarities = Some(ItemVocabulary.DotaRarities.Select(r => r.Name)),
            Tf2Qualities = Some(ItemVocabulary.Tf2Qualities.Select(q => q.Name)),
            Killstreaks = Some(ItemVocabulary.Killstreaks.Select(k => k.Name)),
            CraftableOnly = random.Next(3) == 0,
            RustCategories = Some(ItemVocabulary.RustCategories.Select(c => c.Name.ToLowerInvariant())),
            MaxTradeLockDays = random.Next(4) == 0 ? random.Next(5) : null,
        };
    }
}
