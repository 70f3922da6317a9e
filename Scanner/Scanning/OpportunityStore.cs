using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// The opportunity lifecycle, one row per offer: found (inserted), updated (re-seen, figures refreshed), gone (the offer
/// left the market or stopped being profitable). Every change writes an outbox event in the same transaction.
/// </summary>
public sealed class OpportunityStore(DMarketDbContext db)
{
    public const string OfferGone = "OfferGone";
    public const string ProfitVanished = "ProfitVanished";

    // A row another writer inserted is found on the next attempt; only a third writer in the same moment could need more.
    private const int MaxAttempts = 3;

    /// <summary>
    /// A full scan of a unit: offers priced as opportunities are found or updated, the unit's other active rows are gone,
    /// except rows the fresh-listings pass saw at or after <paramref name="listedSince"/> (listed after this scan paged by).
    /// </summary>
    public async Task<OpportunityChanges> ApplyAsync(ScanUnit unit, long scanId, IReadOnlyList<PricedOffer> offers, DateTimeOffset now, DateTimeOffset listedSince, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async (transaction, ct) =>
        {
            var seenIds = offers.Select(o => o.OfferId).ToArray();
            var existing = await db.Opportunities
                .Where(o => seenIds.Contains(o.OfferId) || (o.GameId == unit.GameId && o.Level == unit.Level.Name && o.Status == OpportunityStatus.Active))
                .ToDictionaryAsync(o => o.OfferId, ct);

            List<Opportunity> found = [];
            List<Opportunity> changed = [];
            List<Opportunity> gone = [];
            foreach (var offer in offers)
            {
                existing.TryGetValue(offer.OfferId, out var row);
                if (offer.Evaluation is not { } evaluation)
                {
                    // Not priced this scan (no sales data yet): still listed, so not gone; nothing new to say.
                    if (row is not null)
                    {
                        row.LastScanId = scanId;
                    }

                    continue;
                }

                if (evaluation.IsOpportunity)
                {
                    if (row is null)
                    {
                        row = new Opportunity { OfferId = offer.OfferId, GameId = unit.GameId, Level = unit.Level.Name, Title = offer.Title, FirstSeenAt = now };
                        db.Opportunities.Add(row);
                        found.Add(row);
                    }
                    else if (row.Status == OpportunityStatus.Gone || row.ProfitCents != evaluation.ProfitCents || row.Liquidity != evaluation.Liquidity)
                    {
                        changed.Add(row);
                    }

                    Fill(row, offer, evaluation, scanId, now);
                }
                else if (row is { Status: OpportunityStatus.Active })
                {
                    MarkGone(row, ProfitVanished, scanId, now);
                    gone.Add(row);
                }
                else if (row is not null)
                {
                    row.LastScanId = scanId;
                }
            }

            // Active here before, not on the market now.
            foreach (var row in existing.Values.Where(o => o.Status == OpportunityStatus.Active && o.LastScanId != scanId && o.LastSeenAt < listedSince && o.GameId == unit.GameId && o.Level == unit.Level.Name))
            {
                MarkGone(row, OfferGone, scanId, now);
                gone.Add(row);
            }

            return await CommitAsync(transaction, found, changed, gone, now, ct, () => db.Opportunities.CountAsync(o => o.GameId == unit.GameId && o.Level == unit.Level.Name && o.Status == OpportunityStatus.Active, ct));
        }, cancellationToken);
    }

    /// <summary>
    /// New listings priced by the fresh-listings pass: opportunities are found (or updated); nothing is marked gone, as
    /// the pass sees only what is new. Each offer is filed under the level its price falls in.
    /// </summary>
    public async Task<OpportunityChanges> RecordAsync(string gameId, IReadOnlyList<PricedOffer> offers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opportunities = offers.Where(o => o.Evaluation is { IsOpportunity: true, Level: not null }).ToList();
        if (opportunities.Count == 0)
        {
            return new OpportunityChanges([], 0, 0, 0, 0);
        }

        return await InTransactionAsync(async (transaction, ct) =>
        {
            var ids = opportunities.Select(o => o.OfferId).ToArray();
            var existing = await db.Opportunities.Where(o => ids.Contains(o.OfferId)).ToDictionaryAsync(o => o.OfferId, ct);
            List<Opportunity> found = [];
            List<Opportunity> changed = [];
            foreach (var offer in opportunities)
            {
                var evaluation = offer.Evaluation!.Value;
                if (!existing.TryGetValue(offer.OfferId, out var row))
                {
                    row = new Opportunity { OfferId = offer.OfferId, GameId = gameId, Level = evaluation.Level!.Name, Title = offer.Title, FirstSeenAt = now };
                    db.Opportunities.Add(row);
                    found.Add(row);
                }
                else if (row.Status == OpportunityStatus.Gone || row.ProfitCents != evaluation.ProfitCents || row.Liquidity != evaluation.Liquidity)
                {
                    changed.Add(row);
                }

                Fill(row, offer, evaluation, row.LastScanId, now);
            }

            return await CommitAsync(transaction, found, changed, [], now, ct, () => Task.FromResult(0));
        }, cancellationToken);
    }

    /// <summary>
    /// Opportunities whose listing is known to have left the market outside a scan (the listing watch): those still
    /// active turn Gone with <paramref name="reason"/>, all in one transaction with their outbox events.
    /// </summary>
    public async Task<OpportunityChanges> RetireAsync(IReadOnlyCollection<long> ids, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retired = await OpportunityRetirement.RetireAsync(db, ids, reason, now, cancellationToken);
        return new OpportunityChanges([], 0, retired.Ids.Count, 0, retired.LastEventId);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction, again from the start if another writer inserted one of its offers
    /// first: the fresh pass and a sweep may both meet a new listing, and each reads before it inserts. The second
    /// attempt finds the row and updates it (before, the sweep's whole round failed and was made again).
    /// </summary>
    private async Task<OpportunityChanges> InTransactionAsync(Func<IDbContextTransaction, CancellationToken, Task<OpportunityChanges>> write, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(async ct =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    return await write(transaction, ct);
                }, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && UnretriedFailureInterceptor.IsRetriedConflict(exception))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<OpportunityChanges> CommitAsync(IDbContextTransaction transaction, List<Opportunity> found, List<Opportunity> changed, List<Opportunity> gone,
        DateTimeOffset now, CancellationToken ct, Func<Task<int>> countActive)
    {
        await db.SaveChangesAsync(ct);

        // Event ids are taken and committed under one lock, so they become visible in id order: a consumer that reads
        // "after the last id I handled" (the bot) can never skip an event a slower concurrent transaction commits later.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [OpportunityEvent.WriterLockKey], ct);
        List<OpportunityEvent> events =
        [
            .. found.Select(o => Event(o, OpportunityEventKind.Found, now)),
            .. changed.Select(o => Event(o, OpportunityEventKind.Updated, now)),
            .. gone.Select(o => Event(o, OpportunityEventKind.Gone, now)),
        ];
        db.OpportunityEvents.AddRange(events);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var active = await countActive();
        db.ChangeTracker.Clear();
        return new OpportunityChanges(found.Select(o => o.Id).ToList(), changed.Count, gone.Count, active, events.Count > 0 ? events.Max(e => e.Id) : 0);
    }

    private static void Fill(Opportunity row, PricedOffer offer, Evaluation evaluation, long scanId, DateTimeOffset now)
    {
        row.ItemId = offer.ItemId;
        row.BuyPriceCents = offer.PriceCents;
        row.ResaleCents = evaluation.ResaleCents;
        row.FeeFraction = FeeSchedule.ToFraction(evaluation.FeeBasisPoints);
        row.ProfitCents = evaluation.ProfitCents;
        row.ProfitPercent = evaluation.ProfitPercent;
        row.Liquidity = evaluation.Liquidity;
        row.BestBuyOrderCents = offer.BestBuyOrderCents;
        row.Attributes = OpportunityAttributesOf(offer.Attributes);
        row.Status = OpportunityStatus.Active;
        row.GoneAt = null;
        row.GoneReason = null;
        row.LastSeenAt = now;
        row.LastScanId = scanId;
    }

    private static OpportunityAttributes OpportunityAttributesOf(ItemAttributes a) => new()
    {
        Exterior = a.Exterior,
        FloatValue = a.FloatValue,
        PaintSeed = a.PaintSeed,
        Phase = a.Phase,
        StatTrak = a.StatTrak,
        Souvenir = a.Souvenir,
        Category = a.Category,
        Stickers = a.Stickers,
        Hero = a.Hero,
        Quality = a.Quality,
        Rarity = a.Rarity,
        Killstreak = a.Killstreak,
        Craftable = a.Craftable,
        TradeLockDays = a.TradeLockDays,
    };

    private static void MarkGone(Opportunity row, string reason, long scanId, DateTimeOffset now)
    {
        row.Status = OpportunityStatus.Gone;
        row.GoneAt = now;
        row.GoneReason = reason;
        row.LastScanId = scanId;
    }

    private static OpportunityEvent Event(Opportunity opportunity, OpportunityEventKind kind, DateTimeOffset now) =>
        new() { OpportunityId = opportunity.Id, Kind = kind, CreatedAt = now };
}
