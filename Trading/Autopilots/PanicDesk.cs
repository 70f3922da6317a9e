using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Selling;
using DMarketAspire.Trading.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// The panic button: first the autopilot stops (nothing more is bought, whatever else fails), then the buy orders this
/// app placed are cancelled (only those), then, as the user chose, this app's listings come down or what the autopilot
/// bought is offered at the title's best buy order. Every step is reported, including what it could not do.
/// </summary>
public sealed class PanicDesk(DMarketDbContext db, AutopilotStore autopilots, TargetBook targets, SaleDesk sales, ILogger<PanicDesk> logger)
{
    public const string NoBuyOrder = "no_buy_order";

    public async Task<PanicReport> PanicAsync(long userId, PanicChoice choice, DMarketClient? account, CancellationToken cancellationToken)
    {
        await autopilots.SwitchAsync(userId, on: false, cancellationToken);
        logger.LogWarning("Panic for user {UserId}: autopilot stopped; then {Choice}", userId, choice);
        if (account is null)
        {
            return new PanicReport(choice, true, false, 0, 0, 0, [], []);
        }

        var ours = await targets.OursAsync(userId, cancellationToken);
        var cancelled = ours.Count == 0 ? 0 : await targets.DeleteAsync(ours, account, cancellationToken);
        var delisted = 0;
        List<PanicItem> offered = [];
        List<PanicItem> notDone = [];
        if (choice == PanicChoice.Delist)
        {
            var listed = await db.Positions.AsNoTracking().Where(p => p.UserId == userId && p.GoneAt == null && p.OfferId != null).ToListAsync(cancellationToken);
            foreach (var position in listed)
            {
                var report = await sales.DelistAsync(userId, position.Id, account, cancellationToken);
                if (report.Outcome == ListingOutcome.Delisted)
                {
                    delisted++;
                }
                else
                {
                    notDone.Add(new PanicItem(position.Id, position.Title, position.ListPriceCents, report.Code ?? report.Outcome.ToString()));
                }
            }
        }
        else if (choice == PanicChoice.SellAtBestBid)
        {
            (offered, notDone, delisted) = await OfferAtBestBidAsync(userId, account, cancellationToken);
        }

        return new PanicReport(choice, true, true, cancelled, ours.Count - cancelled, delisted, offered, notDone);
    }

    private async Task<(List<PanicItem> Offered, List<PanicItem> NotDone, int Delisted)> OfferAtBestBidAsync(long userId, DMarketClient account, CancellationToken cancellationToken)
    {
        var bought = db.Buys.Where(b => b.UserId == userId && b.Channel == AutopilotLedger.Channel && b.Status == BuyStatus.Bought).Select(b => (long?)b.Id);
        var held = await db.Positions.AsNoTracking().Where(p => p.UserId == userId && p.GoneAt == null && bought.Contains(p.BuyId)).ToListAsync(cancellationToken);
        List<PanicItem> offered = [];
        List<PanicItem> notDone = [];
        var delisted = 0;
        foreach (var game in held.GroupBy(p => p.GameId))
        {
            var titles = game.Select(p => p.Title).Distinct().ToList();
            var bids = new Dictionary<string, long>();
            foreach (var chunk in titles.Chunk(DMarketClient.MaxBatch))
            {
                foreach (var price in await account.GetAggregatedPricesAsync(game.Key, chunk, cancellationToken))
                {
                    if (price.BestBuyOrderCents is { } bid)
                    {
                        bids[price.Title] = bid;
                    }
                }
            }

            foreach (var position in game)
            {
                if (!bids.TryGetValue(position.Title, out var bid))
                {
                    notDone.Add(new PanicItem(position.Id, position.Title, null, NoBuyOrder));
                    continue;
                }

                if (position.OfferId is not null)
                {
                    var down = await sales.DelistAsync(userId, position.Id, account, cancellationToken);
                    if (down.Outcome != ListingOutcome.Delisted)
                    {
                        notDone.Add(new PanicItem(position.Id, position.Title, bid, down.Code ?? down.Outcome.ToString()));
                        continue;
                    }

                    delisted++;
                }

                // At the buy order's price, under cost if need be: the user asked to get out.
                var listed = await sales.ListAsync(userId, position.Id, bid, belowCost: true, repricing: false, account, cancellationToken);
                if (listed.Outcome == ListingOutcome.Listed)
                {
                    offered.Add(new PanicItem(position.Id, position.Title, bid, null));
                }
                else
                {
                    notDone.Add(new PanicItem(position.Id, position.Title, bid, listed.Code ?? listed.Outcome.ToString()));
                }
            }
        }

        return (offered, notDone, delisted);
    }
}
