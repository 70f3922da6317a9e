using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Trading.Fees;

/// <summary>
/// The seller fee that applies to a title at a price: the reduced fee of the title's window if one is current, else
/// the game's default, as the Scanner last read DMarket's fee table; read live from DMarket when it has not yet.
/// </summary>
public sealed class FeeBook(DMarketDbContext db, TimeProvider time)
{
    public async Task<decimal> FractionAsync(string gameId, string title, long priceCents, DMarketClient account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = await db.Fees.AsNoTracking()
            .Where(f => f.GameId == gameId && (f.Title == null || f.Title == title))
            .ToListAsync(cancellationToken);
        if (rules.Count > 0)
        {
            var reduced = rules.FirstOrDefault(f => f.Title == title && priceCents >= f.MinPriceCents && priceCents <= f.MaxPriceCents && (f.ExpiresAt is null || f.ExpiresAt > now));
            if (reduced is not null)
            {
                return reduced.Fraction;
            }

            if (rules.FirstOrDefault(f => f.Title == null) is { } standard)
            {
                return standard.Fraction;
            }
        }

        var table = await account.GetCustomizedFeesAsync(gameId, cancellationToken: cancellationToken);
        var live = table.ReducedFees.FirstOrDefault(f => f.Title == title && priceCents >= f.MinPriceCents && priceCents <= f.MaxPriceCents && f.ExpiresAt > now);
        return live?.Fraction ?? table.DefaultFraction;
    }

    /// <summary>The fee in cents DMarket keeps of a sale: the seller is credited price × (1 − fee), rounded down.</summary>
    public static long FeeCents(long priceCents, decimal fraction) => priceCents - (long)decimal.Floor(priceCents * (1 - fraction));

    /// <summary>The lowest price whose proceeds after the fee cover the cost.</summary>
    public static long BreakEvenCents(long costCents, decimal fraction)
    {
        var price = (long)decimal.Ceiling(costCents / (1 - fraction));
        while (price - FeeCents(price, fraction) < costCents)
        {
            price++;
        }

        return price;
    }
}
