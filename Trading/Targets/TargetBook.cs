using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Trading.Targets;

/// <summary>The buy orders this app placed for a user: only these are its to cancel; one made elsewhere is never touched.</summary>
public sealed class TargetBook(DMarketDbContext db)
{
    /// <summary>Ids of the user's active buy orders this app placed.</summary>
    public Task<List<string>> OursAsync(long userId, CancellationToken cancellationToken) =>
        db.BotTargets.Where(b => b.UserId == userId && b.Status == BotTargetStatus.Active).Select(b => b.TargetId).ToListAsync(cancellationToken);

    /// <summary>Deletes the given buy orders at DMarket and marks those it deleted; returns how many it deleted.</summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> targetIds, DMarketClient account, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var batch in targetIds.Chunk(DMarketClient.MaxBatch))
        {
            var results = await account.DeleteTargetsAsync(batch, cancellationToken);
            var done = results.Where(r => r.Successful && r.TargetId is not null).Select(r => r.TargetId!).ToHashSet();
            deleted += done.Count;
            await db.BotTargets.Where(b => done.Contains(b.TargetId)).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BotTargetStatus.Deleted), cancellationToken);
        }

        return deleted;
    }
}
