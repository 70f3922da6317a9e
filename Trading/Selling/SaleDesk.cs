using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.Trading.Selling;

/// <summary>
/// Selling a position: a quote, listing at a price (never under break-even unless the user says so), repricing and
/// delisting. A listing is claimed on the position row first (a second press finds it taken) and, if DMarket's answer is
/// lost, found again among the account's listings before the position is released, so an item is never listed twice.
/// </summary>
public sealed class SaleDesk(DMarketDbContext db, FeeBook fees, TimeProvider time, IOptions<TradingOptions> options, ILogger<SaleDesk> logger)
{
    private const int MedianSales = 20;
    private readonly TradingOptions _options = options.Value;

    public async Task<SaleQuote?> QuoteAsync(long userId, long positionId, DMarketClient account, CancellationToken cancellationToken)
    {
        if (await OpenPositionAsync(userId, positionId, cancellationToken) is not { } position)
        {
            return null;
        }

        var book = (await account.GetAggregatedPricesAsync(position.GameId, [position.Title], cancellationToken)).FirstOrDefault();
        var median = await MedianAsync(position.GameId, position.Title, cancellationToken);
        // Our own listing is part of the book: the competition is the best offer that is not ours.
        var competition = book?.BestOfferCents is { } best && best != position.ListPriceCents ? best : (long?)null;
        var estimate = competition is { } ask ? ask - 1 : median ?? position.SuggestedPriceCents;
        var fraction = await fees.FractionAsync(position.GameId, position.Title, estimate ?? 1, account, cancellationToken);
        var breakEven = position.CostCents is { } cost ? FeeBook.BreakEvenCents(cost, fraction) : (long?)null;
        var proposed = estimate is { } e && breakEven is { } floor ? Math.Max(e, floor) : estimate ?? breakEven;
        return new SaleQuote(position, book?.BestOfferCents, book?.BestBuyOrderCents, median, fraction, breakEven, proposed is > 0 ? proposed : null);
    }

    public async Task<ListingReport> ListAsync(long userId, long positionId, long priceCents, bool belowCost, bool repricing, DMarketClient account, CancellationToken cancellationToken)
    {
        if (await OpenPositionAsync(userId, positionId, cancellationToken) is not { } position)
        {
            return new ListingReport(ListingOutcome.NotYours, null);
        }

        if (position.ListedAt is { } claimedAt && position.OfferId is null && claimedAt < time.GetUtcNow() - _options.AnswerDeadline)
        {
            // Claimed by a process that died before recording DMarket's answer: the listing may exist. Find it, or free the item.
            if (await FindListingAsync(account, position, cancellationToken) is { } found)
            {
                await RecordListedAsync(positionId, found.OfferId, found.PriceCents, position.Repricing, null);
                return new ListingReport(ListingOutcome.AlreadyListed, await ReloadAsync(positionId));
            }

            await ReleaseAsync(positionId);
            position = await ReloadAsync(positionId);
        }

        if (priceCents <= 0 || priceCents > _options.MaxListPriceCents)
        {
            return new ListingReport(ListingOutcome.Refused, position, "InvalidPrice");
        }

        var fraction = await fees.FractionAsync(position.GameId, position.Title, priceCents, account, cancellationToken);
        var breakEven = position.CostCents is { } cost ? FeeBook.BreakEvenCents(cost, fraction) : (long?)null;
        if (!belowCost && breakEven is { } floor && priceCents < floor)
        {
            return new ListingReport(ListingOutcome.BelowBreakEven, position, floor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var now = time.GetUtcNow();
        var claimed = await db.Positions
            .Where(p => p.Id == positionId && p.UserId == userId && p.GoneAt == null && p.OfferId == null && p.ListedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ListedAt, now).SetProperty(p => p.ListPriceCents, priceCents), cancellationToken);
        if (claimed == 0)
        {
            return new ListingReport(ListingOutcome.AlreadyListed, position);
        }

        try
        {
            var result = (await account.CreateOffersAsync([(position.AssetId, priceCents)], cancellationToken)).Single();
            if (!result.Successful || result.OfferId is null)
            {
                await ReleaseAsync(positionId);
                return new ListingReport(ListingOutcome.Refused, await ReloadAsync(positionId), result.FailCode ?? "Refused");
            }

            await RecordListedAsync(positionId, result.OfferId, priceCents, repricing, breakEven);
            logger.LogInformation("Position {PositionId}: listed {Title} at {PriceCents} cents as offer {OfferId}", positionId, position.Title, priceCents, result.OfferId);
            return new ListingReport(ListingOutcome.Listed, await ReloadAsync(positionId));
        }
        catch (DMarketApiException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            await ReleaseAsync(positionId);
            return new ListingReport(ListingOutcome.Refused, await ReloadAsync(positionId), e.Code ?? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The listing may exist: look for it before letting the position be listed again.
            logger.LogWarning(e, "Position {PositionId}: the listing's answer was lost; looking among the account's listings", positionId);
            var listed = await FindListingAsync(account, position, CancellationToken.None);
            if (listed is not null)
            {
                await RecordListedAsync(positionId, listed.OfferId, listed.PriceCents, repricing, breakEven);
                return new ListingReport(ListingOutcome.Listed, await ReloadAsync(positionId));
            }

            await ReleaseAsync(positionId);
            return new ListingReport(ListingOutcome.NotAnswered, await ReloadAsync(positionId));
        }
    }

    public async Task<ListingReport> RepriceAsync(long userId, long positionId, long priceCents, DMarketClient account, CancellationToken cancellationToken)
    {
        if (await OpenPositionAsync(userId, positionId, cancellationToken) is not { } position)
        {
            return new ListingReport(ListingOutcome.NotYours, null);
        }

        if (position.OfferId is not { } offerId)
        {
            return new ListingReport(ListingOutcome.NotListed, position);
        }

        var result = (await account.UpdateOffersAsync([(offerId, priceCents)], cancellationToken)).Single();
        if (!result.Successful)
        {
            return new ListingReport(ListingOutcome.Refused, position, result.FailCode);
        }

        await db.Positions.Where(p => p.Id == positionId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ListPriceCents, priceCents).SetProperty(p => p.OfferId, result.OfferId ?? offerId).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), CancellationToken.None);
        return new ListingReport(ListingOutcome.Repriced, await ReloadAsync(positionId));
    }

    public async Task<ListingReport> DelistAsync(long userId, long positionId, DMarketClient account, CancellationToken cancellationToken)
    {
        if (await OpenPositionAsync(userId, positionId, cancellationToken) is not { } position)
        {
            return new ListingReport(ListingOutcome.NotYours, null);
        }

        if (position.OfferId is not { } offerId)
        {
            return new ListingReport(ListingOutcome.NotListed, position);
        }

        var result = (await account.DeleteOffersAsync([offerId], cancellationToken)).Single();
        if (!result.Successful && result.FailCode != "OfferNotFound")
        {
            return new ListingReport(ListingOutcome.Refused, position, result.FailCode);
        }

        await ReleaseAsync(positionId);
        return new ListingReport(ListingOutcome.Delisted, await ReloadAsync(positionId));
    }

    /// <summary>
    /// The repricing rule, for every listing that follows the best offer: a cheaper offer by someone else is met a cent
    /// under, never below the floor, at most the position's number of changes a UTC day. Returns how many changed.
    /// </summary>
    public async Task<int> RepriceDueAsync(Func<long, CancellationToken, Task<DMarketClient?>> accountFor, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var following = await db.Positions.AsNoTracking()
            .Where(p => p.Repricing && p.OfferId != null && p.GoneAt == null && (p.RepriceDay != today || p.RepricesToday < p.MaxRepricesPerDay))
            .OrderBy(p => p.UserId).ThenBy(p => p.Id).Take(_options.RepriceBatch).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var user in following.GroupBy(p => p.UserId))
        {
            if (await accountFor(user.Key, cancellationToken) is not { } account)
            {
                continue;
            }

            foreach (var game in user.GroupBy(p => p.GameId))
            {
                var books = (await account.GetAggregatedPricesAsync(game.Key, game.Select(p => p.Title).Distinct().ToList(), cancellationToken)).ToDictionary(b => b.Title);
                foreach (var position in game)
                {
                    if (!books.TryGetValue(position.Title, out var book) || book.BestOfferCents is not { } best || best >= position.ListPriceCents)
                    {
                        continue;
                    }

                    var target = Math.Max(best - 1, position.FloorCents ?? 1);
                    if (target >= position.ListPriceCents)
                    {
                        continue;
                    }

                    // The day's count is claimed before the change goes out, so a crash never lets it exceed the rule.
                    var counted = await db.Positions
                        .Where(p => p.Id == position.Id && p.OfferId == position.OfferId && p.ListPriceCents == position.ListPriceCents
                            && (p.RepriceDay != today || p.RepricesToday < p.MaxRepricesPerDay))
                        .ExecuteUpdateAsync(u => u
                            .SetProperty(p => p.RepricesToday, p => p.RepriceDay == today ? p.RepricesToday + 1 : 1)
                            .SetProperty(p => p.RepriceDay, today), cancellationToken);
                    if (counted == 0)
                    {
                        continue;
                    }

                    var result = (await account.UpdateOffersAsync([(position.OfferId!, target)], cancellationToken)).Single();
                    if (result.Successful)
                    {
                        await db.Positions.Where(p => p.Id == position.Id)
                            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ListPriceCents, target).SetProperty(p => p.OfferId, result.OfferId ?? position.OfferId).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), CancellationToken.None);
                        logger.LogInformation("Position {PositionId}: repriced from {From} to {To} cents under an offer at {Best}", position.Id, position.ListPriceCents, target, best);
                        changed++;
                    }
                }
            }
        }

        return changed;
    }

    private Task<Position?> OpenPositionAsync(long userId, long positionId, CancellationToken cancellationToken) =>
        db.Positions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == positionId && p.UserId == userId && p.GoneAt == null, cancellationToken);

    private async Task RecordListedAsync(long positionId, string offerId, long priceCents, bool repricing, long? breakEven) =>
        await db.Positions.Where(p => p.Id == positionId).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.OfferId, offerId)
            .SetProperty(p => p.ListPriceCents, priceCents)
            .SetProperty(p => p.Repricing, repricing)
            .SetProperty(p => p.FloorCents, p => repricing ? breakEven ?? p.FloorCents ?? 1 : p.FloorCents)
            .SetProperty(p => p.MaxRepricesPerDay, _options.MaxRepricesPerDay)
            .SetProperty(p => p.UpdatedAt, time.GetUtcNow()), CancellationToken.None);

    private async Task ReleaseAsync(long positionId) =>
        await db.Positions.Where(p => p.Id == positionId).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.OfferId, (string?)null)
            .SetProperty(p => p.ListPriceCents, (long?)null)
            .SetProperty(p => p.ListedAt, (DateTimeOffset?)null)
            .SetProperty(p => p.Repricing, false)
            .SetProperty(p => p.UpdatedAt, time.GetUtcNow()), CancellationToken.None);

    private Task<Position> ReloadAsync(long positionId) => db.Positions.AsNoTracking().SingleAsync(p => p.Id == positionId, CancellationToken.None);

    private static async Task<DMarket.Client.Models.UserOffer?> FindListingAsync(DMarketClient account, Position position, CancellationToken cancellationToken)
    {
        await foreach (var offer in account.GetUserOffersAsync(position.GameId, cancellationToken))
        {
            if (offer.AssetId == position.AssetId)
            {
                return offer;
            }
        }

        return null;
    }

    /// <summary>The median of the title's recent sales the Scanner recorded; null when it has none.</summary>
    public async Task<long?> MedianAsync(string gameId, string title, CancellationToken cancellationToken)
    {
        var prices = await db.Sales.AsNoTracking()
            .Where(s => db.Items.Any(i => i.Id == s.ItemId && i.GameId == gameId && i.Title == title))
            .OrderByDescending(s => s.SoldAt).Take(MedianSales).Select(s => s.PriceCents).ToListAsync(cancellationToken);
        if (prices.Count == 0)
        {
            return null;
        }

        prices.Sort();
        return prices.Count % 2 == 1 ? prices[prices.Count / 2] : (prices[(prices.Count / 2) - 1] + prices[prices.Count / 2]) / 2;
    }
}
