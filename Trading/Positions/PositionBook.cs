using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.Trading.Positions;

/// <summary>
/// What a user holds, kept in step with the account's DMarket inventory: an item that appears becomes a position (its
/// cost from a buy made here or a filled buy order of the account, else unknown until the user sets it); an item that
/// leaves is marked gone. Cost bases are never overwritten by a sync.
/// </summary>
public sealed class PositionBook(DMarketDbContext db, TimeProvider time, IOptions<TradingOptions> options, ILogger<PositionBook> logger)
{
    private readonly TradingOptions _options = options.Value;

    /// <summary>Reads the whole inventory (every game) and brings the user's positions in step with it.</summary>
    public async Task<PositionSync> SyncAsync(long userId, DMarketClient account, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        Dictionary<string, InventoryItem> held = new(StringComparer.Ordinal);
        foreach (var game in DMarketGames.All)
        {
            await foreach (var item in account.GetInventoryAsync(game, cancellationToken: cancellationToken))
            {
                held[item.AssetId] = item;
            }
        }

        var read = time.GetElapsedTime(started);
        PositionSync sync;
        try
        {
            sync = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => ApplyAsync(userId, account, held, ct), cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // A sync of the same account at the same moment added an item first: apply again over what it wrote.
            db.ChangeTracker.Clear();
            sync = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => ApplyAsync(userId, account, held, ct), cancellationToken);
        }

        logger.LogInformation("Positions of user {UserId} synced: {Held} held, {Added} new, {Gone} gone; DMarket {ReadMs:F0} ms, in all {TotalMs:F0} ms",
            userId, sync.Held, sync.Added, sync.Gone, read.TotalMilliseconds, time.GetElapsedTime(started).TotalMilliseconds);
        return sync;
    }

    private async Task<PositionSync> ApplyAsync(long userId, DMarketClient account, Dictionary<string, InventoryItem> held, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var ids = held.Keys.ToArray();
        var known = await db.Positions.Where(p => p.UserId == userId && (p.GoneAt == null || ids.Contains(p.AssetId))).ToListAsync(cancellationToken);
        var byAsset = known.ToDictionary(p => p.AssetId, StringComparer.Ordinal);
        var added = 0;
        var gone = 0;

        var fresh = ids.Where(id => !byAsset.ContainsKey(id)).ToArray();
        var bought = fresh.Length == 0 ? [] : await db.Buys.AsNoTracking()
            .Where(b => b.UserId == userId && b.Status == BuyStatus.Bought && b.AssetId != null && fresh.Contains(b.AssetId))
            .ToDictionaryAsync(b => b.AssetId!, StringComparer.Ordinal, cancellationToken);
        var filled = fresh.Any(id => !bought.ContainsKey(id)) ? await FilledBuyOrdersAsync(account, fresh.ToHashSet(StringComparer.Ordinal), cancellationToken) : [];

        foreach (var item in held.Values)
        {
            if (byAsset.TryGetValue(item.AssetId, out var position))
            {
                position.TradeLockUntil = item.TradeLockUntil;
                position.SuggestedPriceCents = item.SuggestedPriceCents;
                position.GoneAt = null;
                position.UpdatedAt = now;
                continue;
            }

            position = new Position
            {
                UserId = userId,
                AssetId = item.AssetId,
                GameId = item.GameId,
                Title = item.Title,
                AcquiredAt = item.CreatedAt,
                TradeLockUntil = item.TradeLockUntil,
                SuggestedPriceCents = item.SuggestedPriceCents,
                UpdatedAt = now,
                CostSource = PositionCostSource.Unknown,
            };
            if (bought.TryGetValue(item.AssetId, out var buy))
            {
                (position.CostCents, position.CostSource, position.BuyId) = (buy.PriceCents, PositionCostSource.Bought, buy.Id);
            }
            else if (filled.TryGetValue(item.AssetId, out var target))
            {
                (position.CostCents, position.CostSource) = (target.PriceCents, PositionCostSource.BuyOrder);
            }

            db.Positions.Add(position);
            added++;
        }

        foreach (var position in known.Where(p => p.GoneAt is null && !held.ContainsKey(p.AssetId)))
        {
            position.GoneAt = now;
            position.UpdatedAt = now;
            gone++;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new PositionSync(held.Count, added, gone);
    }

    /// <summary>The account's filled buy orders for these assets (newest first, at most the configured look-back).</summary>
    private async Task<Dictionary<string, ClosedTarget>> FilledBuyOrdersAsync(DMarketClient account, HashSet<string> assets, CancellationToken cancellationToken)
    {
        Dictionary<string, ClosedTarget> found = new(StringComparer.Ordinal);
        var seen = 0;
        await foreach (var closed in account.GetClosedTargetsAsync(cancellationToken))
        {
            if (closed.Status == "successful" && assets.Contains(closed.AssetId))
            {
                found.TryAdd(closed.AssetId, closed);
            }

            if (++seen >= _options.ClosedBuyOrdersLookBack || found.Count == assets.Count)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>A buy made here: its position, with the buy's exact price as the cost (over an unknown one a sync recorded first).</summary>
    internal async Task<Position> AddBoughtAsync(Buy buy, string assetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO positions (user_id, asset_id, game_id, title, cost_cents, cost_source, buy_id, acquired_at, updated_at, repricing, max_reprices_per_day, reprices_today)
            VALUES ({buy.UserId}, {assetId}, {buy.GameId}, {buy.Title}, {buy.PriceCents}, {nameof(PositionCostSource.Bought)}, {buy.Id}, {now}, {now}, false, {_options.MaxRepricesPerDay}, 0)
            ON CONFLICT (user_id, asset_id) DO UPDATE
            SET cost_cents = EXCLUDED.cost_cents, cost_source = EXCLUDED.cost_source, buy_id = EXCLUDED.buy_id, updated_at = EXCLUDED.updated_at
            WHERE positions.cost_source = {nameof(PositionCostSource.Unknown)}
            """, cancellationToken);
        return await db.Positions.AsNoTracking().SingleAsync(p => p.UserId == buy.UserId && p.AssetId == assetId, cancellationToken);
    }

    /// <summary>The user's open positions, newest first.</summary>
    public async Task<(IReadOnlyList<Position> Page, int Total)> HeldAsync(long userId, int skip, int take, CancellationToken cancellationToken)
    {
        var open = db.Positions.AsNoTracking().Where(p => p.UserId == userId && p.GoneAt == null);
        var total = await open.CountAsync(cancellationToken);
        var page = await open.OrderByDescending(p => p.AcquiredAt).ThenByDescending(p => p.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>
    /// The user sets the cost of an item (deposited from Steam, bought elsewhere): a sale of it already recorded gets
    /// its profit from it too. False when the position is not the user's.
    /// </summary>
    public Task<bool> SetCostAsync(long userId, long positionId, long costCents, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var set = await db.Positions.Where(p => p.Id == positionId && p.UserId == userId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.CostCents, costCents).SetProperty(p => p.CostSource, PositionCostSource.UserSet).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), ct);
            await db.Trades.Where(t => t.PositionId == positionId && t.UserId == userId)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.CostCents, costCents).SetProperty(t => t.ProfitCents, t => t.PriceCents - t.FeeCents - costCents), ct);
            await transaction.CommitAsync(ct);
            return set > 0;
        }, cancellationToken);
}
