using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DMarketAspire.Data.Alerts;

/// <summary>
/// A user's price alerts, for the bot's <c>/alert</c> and the Api's <c>/api/me/alerts</c> alike. A new alert starts
/// from the latest price: already past its threshold, it is disarmed (it fires at the next crossing, not for a price the
/// user was just shown); otherwise, or with no price seen yet, it is armed.
/// </summary>
public sealed class PriceAlertBook(DMarketDbContext db, IOptions<PriceAlertOptions> options, TimeProvider time)
{
    public Task<List<PriceAlert>> ListAsync(long userId, CancellationToken cancellationToken) =>
        db.PriceAlerts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task<PriceAlertCreation> CreateAsync(long userId, Item item, PriceAlertDirection direction, long thresholdCents, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thresholdCents);
        var price = await db.ItemPrices.AsNoTracking().SingleOrDefaultAsync(p => p.ItemId == item.Id, cancellationToken);
        var existing = await db.PriceAlerts.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(a => a.ItemId == item.Id && a.Direction == direction && a.ThresholdCents == thresholdCents) is { } same)
        {
            return new PriceAlertCreation(PriceAlertOutcome.Duplicate, same, price?.BestOfferCents, !same.Armed);
        }

        if (existing.Count >= options.Value.MaxPerUser)
        {
            return new PriceAlertCreation(PriceAlertOutcome.LimitReached, null, price?.BestOfferCents, false);
        }

        var alert = new PriceAlert
        {
            UserId = userId,
            ItemId = item.Id,
            GameId = item.GameId,
            Title = item.Title,
            Direction = direction,
            ThresholdCents = thresholdCents,
            CreatedAt = time.GetUtcNow(),
            LastPriceCents = price?.BestOfferCents,
            ObservedAt = price?.ObservedAt,
        };
        var crossed = price?.BestOfferCents is { } cents && alert.IsCrossedBy(cents);
        alert.Armed = !crossed;
        db.PriceAlerts.Add(alert);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same alert, created by a request that got there first.
            db.Entry(alert).State = EntityState.Detached;
            var first = await db.PriceAlerts.AsNoTracking().SingleAsync(a => a.UserId == userId && a.ItemId == item.Id && a.Direction == direction && a.ThresholdCents == thresholdCents, cancellationToken);
            return new PriceAlertCreation(PriceAlertOutcome.Duplicate, first, price?.BestOfferCents, !first.Armed);
        }

        return new PriceAlertCreation(PriceAlertOutcome.Created, alert, price?.BestOfferCents, crossed);
    }

    /// <summary>Deletes the user's alert; false when it is not theirs or no longer there.</summary>
    public async Task<bool> DeleteAsync(long userId, long alertId, CancellationToken cancellationToken) =>
        await db.PriceAlerts.Where(a => a.Id == alertId && a.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<int> DeleteAllAsync(long userId, CancellationToken cancellationToken) =>
        await db.PriceAlerts.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
