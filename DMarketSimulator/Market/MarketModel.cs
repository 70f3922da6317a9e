using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Signing;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>
/// The simulated market: catalogue, listings, buy orders, sales history, fee tables and accounts, drawn from a
/// seed and moved by <see cref="Tick"/>. One lock guards it all; the simulator serves tens of requests a second.
/// </summary>
public sealed partial class MarketModel
{
    public const decimal DefaultFeeFraction = 0.10m;
    public const long DefaultFeeMinAmount = 1;

    /// <summary>The highest listing price accepted ($100,000).</summary>
    public const long MaxPriceCents = 10_000_000;

    private const int OffersPerTitle = 4;

    /// <summary>However cheap, a listing waits at least this share of the buyer delay.</summary>
    private const double MinBuyerDelayShare = 0.1;

    /// <summary>How many of a title's last sales say what buyers pay for it.</summary>
    private const int RecentSales = 20;
    private const int HistoryDays = 30;

    /// <summary>
    /// How many departed listings are remembered for <see cref="Departures"/>: a moving market at 20,000 offers per game
    /// turns over about 250 a second, so the last six minutes or so, in under 20 MB.
    /// </summary>
    private const int RememberedDepartures = 100_000;

    private readonly Lock _gate = new();
    private readonly SimulatorOptions _options;
    private readonly SimulatorClock _clock;
    private readonly Random _random;
    private readonly Dictionary<string, List<CatalogItem>> _catalogue = [];
    private readonly Dictionary<(string Game, string Title), CatalogItem> _byTitle = [];
    private readonly Dictionary<string, Offer> _offers = [];
    private readonly Dictionary<string, SortedSet<Offer>> _offersByPrice = [];
    private readonly Dictionary<(string Game, string Title), HashSet<Offer>> _offersByTitle = [];
    private readonly Dictionary<string, Target> _targets = [];

    // A title's buy orders, active or not: the book, the aggregated prices and every new listing (hundreds a second on a
    // moving market) look up one title's, where a scan of all of them held the market's lock for most of a core.
    private readonly Dictionary<(string Game, string Title), List<Target>> _targetsByTitle = [];
    private readonly Dictionary<(string Game, string Title), List<SaleRecord>> _sales = [];
    private readonly Dictionary<string, List<ReducedFeeRule>> _reducedFees = [];
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ClosedTargetRecord> _closedTargets = [];
    private readonly List<BuyRecord> _buys = [];
    private readonly Dictionary<string, (string GameId, string Title, long PriceCents, DateTimeOffset LeftAt)> _departed = [];
    private readonly Queue<string> _departureOrder = new();

    public MarketModel(IOptions<SimulatorOptions> options, SimulatorClock clock)
    {
        _options = options.Value;
        _clock = clock;
        _random = new Random(_options.Seed);

        foreach (var game in DMarketGames.All)
        {
            GenerateGame(game);
        }

        AddAccount(DMarketKeys.Demo.PublicKeyHex, "demo", _options.DemoBalanceCents);
    }

    public DateTimeOffset Now => _clock.UtcNow;

    public Account? FindAccount(string publicKeyHex)
    {
        lock (_gate)
        {
            return _accounts.GetValueOrDefault(publicKeyHex);
        }
    }

    public Account AddAccount(string publicKeyHex, string username, long balanceCents)
    {
        lock (_gate)
        {
            var account = new Account { Id = NewId(), Username = username, PublicKeyHex = publicKeyHex.ToLowerInvariant(), BalanceCents = balanceCents };
            _accounts[account.PublicKeyHex] = account;
            return account;
        }
    }

    public IReadOnlyList<CatalogItem> Catalogue(string gameId)
    {
        lock (_gate)
        {
            return [.. _catalogue.GetValueOrDefault(gameId) ?? []];
        }
    }

    /// <summary>The fee that applies to selling <paramref name="title"/> at <paramref name="priceCents"/> now.</summary>
    public decimal FeeFraction(string gameId, string title, long priceCents)
    {
        lock (_gate)
        {
            return FeeFractionUnlocked(gameId, title, priceCents);
        }
    }

    public (IReadOnlyList<ReducedFeeRule> Reduced, decimal DefaultFraction) FeeTable(string gameId)
    {
        lock (_gate)
        {
            return ([.. _reducedFees.GetValueOrDefault(gameId) ?? []], DefaultFeeFraction);
        }
    }

    public IReadOnlyList<SaleRecord> LastSales(string gameId, string title, int offset, int limit, IReadOnlyCollection<string> operationTypes)
    {
        lock (_gate)
        {
            var sales = _sales.GetValueOrDefault((gameId, title)) ?? [];
            return sales.AsEnumerable().Reverse()
                .Where(s => operationTypes.Count == 0 || operationTypes.Contains(s.OperationType, StringComparer.OrdinalIgnoreCase))
                .Skip(offset).Take(limit).ToList();
        }
    }

    /// <summary>Active buy orders for a title, aggregated per price, best first (targets-by-title).</summary>
    public IReadOnlyList<(long PriceCents, long Amount)> BuyOrders(string gameId, string title)
    {
        lock (_gate)
        {
            return TargetsOf(gameId, title)
                .Where(t => t.Status == Target.Active)
                .GroupBy(t => t.PriceCents)
                .OrderByDescending(g => g.Key)
                .Select(g => (g.Key, g.Sum(t => t.Amount)))
                .ToList();
        }
    }

    public IReadOnlyList<string> Listed(IEnumerable<string> offerIds)
    {
        lock (_gate)
        {
            return offerIds.Where(_offers.ContainsKey).ToList();
        }
    }

    /// <summary>A title's listings, cheapest first (buyers take the cheapest; a test may buy out what undercuts an account's).</summary>
    public IReadOnlyList<TitleListing> ListingsOf(string gameId, string title)
    {
        lock (_gate)
        {
            return _offersByTitle.TryGetValue((gameId, title), out var same)
                ? [.. same.OrderBy(o => o.PriceCents).Select(o => new TitleListing(o.OfferId, o.PriceCents, o.SellerAccountId is not null))]
                : [];
        }
    }

    /// <summary>
    /// Of these offers, those that left the market while remembered: when, and whether their title still has a listing at
    /// or under their price. A benchmark's diagnosis of what the app still shows after it sold.
    /// </summary>
    public IReadOnlyList<OfferDeparture> Departures(IEnumerable<string> offerIds)
    {
        lock (_gate)
        {
            List<OfferDeparture> departures = [];
            foreach (var id in offerIds.Where(id => !_offers.ContainsKey(id)))
            {
                if (_departed.TryGetValue(id, out var departed))
                {
                    var cheaper = _offersByTitle.TryGetValue((departed.GameId, departed.Title), out var same) && same.Any(o => o.PriceCents <= departed.PriceCents);
                    departures.Add(new OfferDeparture(id, departed.GameId, departed.Title, departed.PriceCents, departed.LeftAt, cheaper));
                }
            }

            return departures;
        }
    }

    /// <summary>Each title's best active buy order (the control API's catalogue), in one pass over the buy orders.</summary>
    public IReadOnlyDictionary<string, long> BestBuyOrders(string gameId)
    {
        lock (_gate)
        {
            return _targets.Values.Where(t => t.GameId == gameId && t.Status == Target.Active)
                .GroupBy(t => t.Title, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(t => t.PriceCents), StringComparer.Ordinal);
        }
    }

    /// <summary>Each listed title's cheapest offer (the control API's catalogue), in one pass over the listings.</summary>
    public IReadOnlyDictionary<string, long> CheapestOffers(string gameId)
    {
        lock (_gate)
        {
            return _offersByTitle.Where(e => e.Key.Game == gameId && e.Value.Count > 0)
                .ToDictionary(e => e.Key.Title, e => e.Value.Min(o => o.PriceCents), StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// DMarket's own estimate of a title's price (<c>suggestedPrice</c>): near the fair price, off by up to 3% per title,
    /// as an estimate from past sales is. A hint to a scanner, never what a resale fetches.
    /// </summary>
    public long SuggestedPriceCents(string gameId, string title)
    {
        lock (_gate)
        {
            return _byTitle.TryGetValue((gameId, title), out var item) ? item.SuggestedPriceCents : 1;
        }
    }

    /// <summary>Best bid and ask with counts for each title asked for (aggregated-prices).</summary>
    public IReadOnlyList<(string Title, long? BestBid, long BidCount, long? BestAsk, long AskCount)> Aggregate(string gameId, IEnumerable<string> titles)
    {
        lock (_gate)
        {
            return titles.Distinct().Select(title =>
            {
                var bids = TargetsOf(gameId, title).Where(t => t.Status == Target.Active).ToList();
                var asks = _offersByTitle.GetValueOrDefault((gameId, title)) ?? [];
                return (title,
                    bids.Count > 0 ? bids.Max(t => t.PriceCents) : (long?)null,
                    bids.Sum(t => t.Amount),
                    asks.Count > 0 ? asks.Min(o => o.PriceCents) : (long?)null,
                    (long)asks.Count);
            }).ToList();
        }
    }

    /// <summary>The model's ground truth: offers whose resale at the title's fair price, after the seller fee, beats their price.</summary>
    public IReadOnlyList<GroundTruthOffer> GroundTruth(string? gameId, decimal minProfitPercent, long? priceFromCents, long? priceToCents)
    {
        lock (_gate)
        {
            return _offers.Values
                .Where(o => gameId is null || o.GameId == gameId)
                .Where(o => (priceFromCents is null || o.PriceCents >= priceFromCents) && (priceToCents is null || o.PriceCents <= priceToCents))
                .Select(o =>
                {
                    var fair = _byTitle[(o.GameId, o.Title)].FairPriceCents;
                    var fee = FeeFractionUnlocked(o.GameId, o.Title, fair);
                    var proceeds = (long)decimal.Floor(fair * (1 - fee));
                    var profit = proceeds - o.PriceCents;
                    return new GroundTruthOffer(o.OfferId, o.GameId, o.Title, o.PriceCents, fair, fee, profit, decimal.Round(100m * profit / o.PriceCents, 2), o.CreatedAt);
                })
                .Where(g => g.ProfitCents > 0 && g.ProfitPercent >= minProfitPercent)
                .OrderByDescending(g => g.ProfitPercent)
                .ToList();
        }
    }

    private IReadOnlyList<Target> TargetsOf(string gameId, string title) => _targetsByTitle.GetValueOrDefault((gameId, title)) ?? [];

    private void AddTarget(Target target)
    {
        _targets[target.TargetId] = target;
        if (!_targetsByTitle.TryGetValue((target.GameId, target.Title), out var same))
        {
            _targetsByTitle[(target.GameId, target.Title)] = same = [];
        }

        same.Add(target);
    }

    private decimal FeeFractionUnlocked(string gameId, string title, long priceCents)
    {
        var now = _clock.UtcNow;
        var reduced = _reducedFees.GetValueOrDefault(gameId)?
            .FirstOrDefault(f => f.Title == title && priceCents >= f.MinPriceCents && priceCents <= f.MaxPriceCents && f.ExpiresAt > now);
        return reduced?.Fraction ?? DefaultFeeFraction;
    }

    private string NewId() => new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256))]).ToString();
}
