using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.Trading.Buying;

/// <summary>
/// Settles buys whose answer was lost: a timeout, a 5xx, a garbled body, or a process that died between sending and
/// recording (left Sending past the answer deadline). The account's inventory holding the listed asset means bought;
/// the listing still on the market at its price means DMarket never took it; neither, for several checks in a row,
/// means someone else bought it. Nothing is ever resent: the user is told the outcome once, through the outbox.
/// </summary>
public sealed class BuyReconciler(DMarketDbContext db, BuyDesk desk, TimeProvider time, IOptions<TradingOptions> options, ILogger<BuyReconciler> logger)
{
    private const int Batch = 20;
    private readonly TradingOptions _options = options.Value;

    /// <summary>Reconciles the buys that are due; <paramref name="accountFor"/> gives the user's client, or null without keys.</summary>
    public async Task<int> ReconcileDueAsync(Func<long, CancellationToken, Task<DMarketClient?>> accountFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Buys.AsNoTracking()
            .Where(b => (b.Status == BuyStatus.Sending || b.Status == BuyStatus.Unknown) && b.NextCheckAt <= now)
            .OrderBy(b => b.NextCheckAt).Take(Batch).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var buy in due)
        {
            // Claimed by moving its next check on: another replica that read the same row finds the update does nothing.
            var claimed = await db.Buys.Where(b => b.Id == buy.Id && b.Checks == buy.Checks && (b.Status == BuyStatus.Sending || b.Status == BuyStatus.Unknown))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(b => b.Status, BuyStatus.Unknown)
                    .SetProperty(b => b.Checks, b => b.Checks + 1)
                    .SetProperty(b => b.NextCheckAt, now + _options.ReconcileDelay), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            if (await accountFor(buy.UserId, cancellationToken) is not { } account)
            {
                // The keys were removed: what happened can no longer be read. Tell the user to check on DMarket.
                await desk.FailAsync(buy, "KeysRemoved", BuyOutcome.NotBought, tellLater: true);
                settled++;
                continue;
            }

            try
            {
                buy.Checks++;
                settled += await ReconcileAsync(buy, account, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // DMarket still not answering: the claim moved the next check on; try then.
                logger.LogWarning(e, "Reconciling buy {BuyId}: DMarket did not answer; checking again later", buy.Id);
            }
        }

        return settled;
    }

    private async Task<bool> ReconcileAsync(Buy buy, DMarketClient account, CancellationToken cancellationToken)
    {
        var held = false;
        await foreach (var item in account.GetInventoryAsync(buy.GameId, buy.Title, cancellationToken))
        {
            if (item.AssetId == buy.AssetId)
            {
                held = true;
                break;
            }
        }

        if (held)
        {
            await desk.SettleBoughtAsync(buy, buy.OrderId, null, tellLater: true);
            return true;
        }

        if (await BuyDesk.FindListingAsync(account, buy.GameId, buy.Title, buy.OfferId, buy.PriceCents, cancellationToken) is not null)
        {
            // Still listed at its price: the buy never took effect (a bought listing leaves the market at once).
            await desk.FailAsync(buy, BuyDesk.NotTaken, BuyOutcome.NotBought, tellLater: true);
            return true;
        }

        if (buy.Checks >= _options.ReconcileChecks)
        {
            if (buy.OpportunityId is { } opportunityId)
            {
                await OpportunityRetirement.RetireAsync(db, opportunityId, BuyDesk.OfferNotFound, time.GetUtcNow(), CancellationToken.None);
            }

            await desk.FailAsync(buy, BuyDesk.OfferNotFound, BuyOutcome.NotBought, tellLater: true);
            return true;
        }

        logger.LogInformation("Buy {BuyId}: neither held nor listed yet (check {Check} of {Checks})", buy.Id, buy.Checks, _options.ReconcileChecks);
        return false;
    }
}
