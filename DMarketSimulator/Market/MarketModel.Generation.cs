using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

public sealed partial class MarketModel
{
    private const double SaleOutlierShare = 0.05;
    private const double ReducedFeeShare = 0.05;
    private static readonly decimal[] ReducedFractions = [0.02m, 0.03m, 0.05m];

    private void GenerateGame(string gameId)
    {
        var titleCount = Math.Max(1, _options.OffersPerGame / OffersPerTitle);
        var items = CatalogGenerator.Generate(gameId, titleCount, _random);
        _catalogue[gameId] = items;
        _offersByPrice[gameId] = new SortedSet<Offer>(OfferPriceComparer.Instance);
        List<ReducedFeeRule> reduced = [];
        _reducedFees[gameId] = reduced;
        var now = _clock.UtcNow;

        foreach (var item in items)
        {
            _byTitle[(gameId, item.Title)] = item;
            GenerateSales(item, now);
            GenerateBuyOrders(item, now);
            if (_random.NextDouble() < ReducedFeeShare)
            {
                // Some reduced fees have already expired: a correct fee lookup must ignore them.
                var expires = _random.NextDouble() < 0.2 ? now.AddHours(-1) : now.AddHours(2 + (46 * _random.NextDouble()));
                reduced.Add(new ReducedFeeRule(item.Title, ReducedFractions[_random.Next(ReducedFractions.Length)],
                    item.FairPriceCents / 2, item.FairPriceCents * 2, expires));
            }
        }

        // Spread the listings over the titles: every title gets one, the rest go at random.
        for (var i = 0; i < _options.OffersPerGame; i++)
        {
            var item = i < items.Count ? items[i] : items[_random.Next(items.Count)];
            AddListing(NewListing(item, now.AddMinutes(-_random.Next(60 * 24 * 7))));
        }
    }

    /// <summary>Mostly above fair (sellers ask a premium); a small share well under it: the genuine opportunities.</summary>
    private Offer NewListing(CatalogItem item, DateTimeOffset createdAt, ItemAttributes? attributes = null)
    {
        var factor = _random.NextDouble() < _options.UnderpricedShare
            ? 0.55 + (0.30 * _random.NextDouble())
            : 1.02 + (0.28 * _random.NextDouble());
        var price = Math.Max(1, (long)Math.Round(item.FairPriceCents * factor));
        return new Offer
        {
            OfferId = NewId(),
            AssetId = NewId(),
            GameId = item.GameId,
            Title = item.Title,
            PriceCents = price,
            CreatedAt = createdAt,
            Attributes = attributes ?? ListingAttributes.Draw(item, _random),
            // A planted copy's category is its own (a test may plant a knife under any title).
            CategoryPath = attributes is null ? item.CategoryPath : CatalogNames.CategoryPath(item.GameId, attributes.Category),
        };
    }

    private void GenerateSales(CatalogItem item, DateTimeOffset now)
    {
        var count = 5 + _random.Next(36);
        List<SaleRecord> sales = [];
        for (var i = 0; i < count; i++)
        {
            var ageMinutes = _random.Next(HistoryDays * 24 * 60);
            sales.Add(new SaleRecord(item.GameId, item.Title, DrawSalePrice(item.FairPriceCents), now.AddMinutes(-ageMinutes),
                _random.NextDouble() < 0.8 ? "Offer" : "Target"));
        }

        sales.Sort((a, b) => a.Date.CompareTo(b.Date));
        _sales[(item.GameId, item.Title)] = sales;
    }

    /// <summary>Near fair (±4%), with occasional outliers (fat-finger sales, rare variants) a robust estimate must shrug off.</summary>
    private long DrawSalePrice(long fairCents)
    {
        double factor;
        if (_random.NextDouble() < SaleOutlierShare)
        {
            factor = _random.NextDouble() < 0.5 ? 0.3 + (0.3 * _random.NextDouble()) : 1.6 + (1.4 * _random.NextDouble());
        }
        else
        {
            factor = 0.96 + (0.08 * _random.NextDouble());
        }

        return Math.Max(1, (long)Math.Round(fairCents * factor));
    }

    private void GenerateBuyOrders(CatalogItem item, DateTimeOffset now)
    {
        var count = _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var target = new Target
            {
                TargetId = NewId(),
                GameId = item.GameId,
                Title = item.Title,
                PriceCents = Math.Max(1, (long)Math.Round(item.FairPriceCents * (0.80 + (0.15 * _random.NextDouble())))),
                Amount = 1 + _random.Next(10),
                CreatedAt = now.AddHours(-_random.Next(72)),
            };
            target.UpdatedAt = target.CreatedAt;
            AddTarget(target);
        }
    }
}
