using System.Globalization;
using System.Text;

namespace DMarketAspire.DMarketSimulator.Market;

public sealed partial class MarketModel
{
    private const long BasisPoints = 10_000;
    private const long DiscountKeyOffset = 1_000_000_000_000;

    /// <summary>
    /// One page of listings, ordered by price, title, age or discount (then offer id) and paged by key, not offset, so a
    /// page never repeats or skips an offer that stayed listed while others came and went.
    /// </summary>
    public (IReadOnlyList<Offer> Page, string? NextCursor, int Total) QueryOffers(OfferQuery query)
    {
        lock (_gate)
        {
            var order = query.OrderBy?.ToLowerInvariant() switch
            {
                "title" => OfferOrder.Title,
                "createdat" => OfferOrder.CreatedAt,
                "best_discount" => OfferOrder.Discount,
                _ => OfferOrder.Price,
            };
            var descending = string.Equals(query.OrderDir, "desc", StringComparison.OrdinalIgnoreCase);
            var after = DecodeCursor(query.Cursor);
            var wanted = query.Limit + 1;
            var page = order switch
            {
                OfferOrder.Title => FirstBy(query, o => o.Title, key => key, StringComparer.Ordinal, descending, after, wanted),
                OfferOrder.CreatedAt => FirstBy(query, CreatedAtKey, ParseKey, Comparer<long>.Default, descending, after, wanted),
                OfferOrder.Discount => FirstBy(query, DiscountBasisPoints, key => ParseKey(key) - DiscountKeyOffset, Comparer<long>.Default, descending, after, wanted),
                _ => OrderedByPrice(query.GameId, descending, after, query).Where(o => Matches(o, query)).Take(wanted).ToList(),
            };

            var next = page.Count > query.Limit ? EncodeCursor(SortKey(page[query.Limit - 1], order), page[query.Limit - 1].OfferId) : null;
            var total = IsUnfiltered(query) ? _offersByPrice[query.GameId].Count : _offersByPrice[query.GameId].Count(o => Matches(o, query));
            return (page.Take(query.Limit).ToList(), next, total);
        }
    }

    private static bool IsUnfiltered(OfferQuery query) => query.PriceFromCents is not > 0 && query.PriceToCents is not > 0 && query.Title is null;

    private static bool Matches(Offer offer, OfferQuery query) =>
        (query.PriceFromCents is not > 0 || offer.PriceCents >= query.PriceFromCents)
        && (query.PriceToCents is not > 0 || offer.PriceCents <= query.PriceToCents)
        && (query.Title is null || offer.Title.StartsWith(query.Title, StringComparison.OrdinalIgnoreCase));

    /// <summary>How far under its title's suggested price a listing asks, in basis points (negative above it).</summary>
    public long DiscountBasisPoints(Offer offer)
    {
        var suggested = SuggestedPriceCents(offer.GameId, offer.Title);
        return (suggested - offer.PriceCents) * BasisPoints / suggested;
    }

    private static long CreatedAtKey(Offer offer) => offer.CreatedAt.ToUnixTimeMilliseconds();

    private static long ParseKey(string key) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"'{key}' is not a number.");

    // Cursors carry keys as text. Fixed-width digits sort as the numbers do; the offset keeps a listing asking far above
    // its suggested price positive.
    private string SortKey(Offer offer, OfferOrder order) => order switch
    {
        OfferOrder.Title => offer.Title,
        OfferOrder.CreatedAt => CreatedAtKey(offer).ToString("D15", CultureInfo.InvariantCulture),
        OfferOrder.Discount => (DiscountBasisPoints(offer) + DiscountKeyOffset).ToString("D19", CultureInfo.InvariantCulture),
        _ => offer.PriceCents.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Walks the game's price-ordered set from the cursor (exclusive), within the price bounds: O(log n + page).</summary>
    private IEnumerable<Offer> OrderedByPrice(string gameId, bool descending, (string Key, string OfferId)? after, OfferQuery query)
    {
        var set = _offersByPrice[gameId];
        if (set.Count == 0)
        {
            return [];
        }

        // Bounds for the set's view: an offer id of "" sorts before every real id at a price, U+FFFF after every one.
        var low = Probe(query.PriceFromCents is > 0 ? query.PriceFromCents.Value : long.MinValue, string.Empty);
        var high = Probe(query.PriceToCents is > 0 ? query.PriceToCents.Value : long.MaxValue, "\uffff");
        if (after is { } cursor)
        {
            var at = Probe(CursorKey(query, cursor.Key, ParseKey), cursor.OfferId);
            if (descending)
            {
                high = at;
            }
            else
            {
                low = at;
            }
        }

        if (OfferPriceComparer.Instance.Compare(low, high) > 0)
        {
            return [];
        }

        // Bounds are inclusive: the cursor's own offer, if still listed, is the first one walked; skip just it.
        var view = set.GetViewBetween(low, high);
        var walk = descending ? view.Reverse() : view;
        return after is null ? walk : walk.SkipWhile(o => o.OfferId == after.Value.OfferId);
    }

    private static TKey CursorKey<TKey>(OfferQuery query, string key, Func<string, TKey> parseKey)
    {
        try
        {
            return parseKey(key);
        }
        catch (FormatException exception)
        {
            throw new InvalidCursorException(query.Cursor!, exception);
        }
    }

    private static Offer Probe(long priceCents, string offerId) =>
        new() { OfferId = offerId, AssetId = string.Empty, GameId = string.Empty, Title = string.Empty, PriceCents = priceCents, CreatedAt = default };

    /// <summary>
    /// The first <paramref name="count"/> of the game's listings that match the query and come after the cursor, sorted
    /// by a key, then offer id. Selected, not sorted whole: the simulator answers the fresh pass's newest-first pages and
    /// the most discounted pages several times a second, each over a game's whole market, under the market's one lock.
    /// </summary>
    private List<Offer> FirstBy<TKey>(OfferQuery query, Func<Offer, TKey> key, Func<string, TKey> parseKey, IComparer<TKey> comparer,
        bool descending, (string Key, string OfferId)? after, int count)
    {
        var matching = _offersByPrice[query.GameId].Where(o => Matches(o, query));
        if (after is { } cursor)
        {
            var cursorKey = CursorKey(query, cursor.Key, parseKey);
            matching = matching.Where(o =>
            {
                var c = comparer.Compare(key(o), cursorKey);
                c = c != 0 ? c : string.CompareOrdinal(o.OfferId, cursor.OfferId);
                return descending ? c < 0 : c > 0;
            });
        }

        var ordered = descending
            ? matching.OrderByDescending(key, comparer).ThenByDescending(o => o.OfferId, StringComparer.Ordinal)
            : matching.OrderBy(key, comparer).ThenBy(o => o.OfferId, StringComparer.Ordinal);
        return ordered.Take(count).ToList();
    }

    private void AddListing(Offer offer)
    {
        _offers[offer.OfferId] = offer;
        _offersByPrice[offer.GameId].Add(offer);
        if (!_offersByTitle.TryGetValue((offer.GameId, offer.Title), out var sameTitle))
        {
            _offersByTitle[(offer.GameId, offer.Title)] = sameTitle = [];
        }

        sameTitle.Add(offer);
    }

    private bool RemoveListing(string offerId, out Offer? offer)
    {
        if (!_offers.Remove(offerId, out offer))
        {
            return false;
        }

        _offersByPrice[offer.GameId].Remove(offer);
        _offersByTitle[(offer.GameId, offer.Title)].Remove(offer);
        RememberDeparture(offer);
        return true;
    }

    private void RememberDeparture(Offer offer)
    {
        // Only what the answer needs: holding the offers themselves would keep their attributes alive too.
        _departed[offer.OfferId] = (offer.GameId, offer.Title, offer.PriceCents, _clock.UtcNow);
        _departureOrder.Enqueue(offer.OfferId);
        if (_departureOrder.Count > RememberedDepartures)
        {
            _departed.Remove(_departureOrder.Dequeue());
        }
    }

    /// <summary>Lists an offer now (a test's or a demo's); matching buy orders are filled first, as on DMarket.</summary>
    public Offer? Plant(PlantOfferRequest request)
    {
        lock (_gate)
        {
            if (!_byTitle.TryGetValue((request.GameId, request.Title), out var item))
            {
                var kind = request.Attributes ?? CatalogGenerator.KindOf(request.GameId, request.Title);
                item = new CatalogItem(request.GameId, request.Title, CatalogNames.CategoryPath(request.GameId, kind.Category), kind, request.FairPriceCents ?? request.PriceCents);
                _byTitle[(request.GameId, request.Title)] = item;
                _catalogue[request.GameId].Add(item);
                _sales[(request.GameId, request.Title)] = [];
            }
            else if (request.FairPriceCents is { } fair)
            {
                item.FairPriceCents = fair;
            }

            var offer = NewListing(item, _clock.UtcNow, request.Attributes);
            offer.PriceCents = request.PriceCents;
            offer.KeptListed = request.KeepListed;
            if (request.BypassBuyOrders)
            {
                AddListing(offer);
                return offer;
            }

            return List(offer);
        }
    }

    /// <summary>Another trader bought the offer: it leaves the market and joins the sales history.</summary>
    public bool RemoveOffer(string offerId)
    {
        lock (_gate)
        {
            if (!RemoveListing(offerId, out var offer))
            {
                return false;
            }

            AddSale(offer!.GameId, offer.Title, offer.PriceCents, "Offer");
            return true;
        }
    }

    public BuyOutcome Buy(Account account, IReadOnlyList<(string OfferId, long PriceCents)> requested)
    {
        lock (_gate)
        {
            long total = 0;
            foreach (var (offerId, price) in requested)
            {
                if (!_offers.TryGetValue(offerId, out var offer))
                {
                    return BuyOutcome.Failed(offerId, "OfferNotFound");
                }

                if (offer.PriceCents != price)
                {
                    return BuyOutcome.Failed(offerId, "OfferPriceChanged");
                }

                total += price;
            }

            if (account.BalanceCents - account.TradeProtectedCents < total)
            {
                return BuyOutcome.Failed(requested[0].OfferId, "NotEnoughBalance");
            }

            var orderId = NewId();
            foreach (var (offerId, price) in requested)
            {
                RemoveListing(offerId, out var offer);
                account.BalanceCents -= price;
                account.Inventory[offer!.AssetId] = Asset.From(offer, _clock.UtcNow, _options.TradeLock);
                _buys.Add(new BuyRecord(account.Id, orderId, offerId, offer.AssetId, offer.Title, price, _clock.UtcNow));
                AddSale(offer.GameId, offer.Title, price, "Offer");
                SellerPaid(offer, price, null, _clock.UtcNow);
            }

            return BuyOutcome.Succeeded(orderId, NewId(), requested.Select(r => r.OfferId).ToList());
        }
    }

    public Target AddTarget(Account account, string gameId, string title, long priceCents, long amount, string? floatPartValue, string? phase, int? paintSeed)
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            var target = new Target
            {
                TargetId = NewId(),
                AccountId = account.Id,
                GameId = gameId,
                Title = title,
                PriceCents = priceCents,
                Amount = amount,
                CreatedAt = now,
                UpdatedAt = now,
                FloatPartValue = floatPartValue,
                Phase = phase,
                PaintSeed = paintSeed,
            };
            AddTarget(target);
            return target;
        }
    }

    public int ActiveTargetCount(Account account)
    {
        lock (_gate)
        {
            return _targets.Values.Count(t => t.AccountId == account.Id && t.Status == Target.Active);
        }
    }

    /// <summary>Deletes one of the account's buy orders; another account's is "not found", never touched.</summary>
    public bool DeleteTarget(Account account, string targetId)
    {
        lock (_gate)
        {
            if (!_targets.TryGetValue(targetId, out var target) || target.AccountId != account.Id)
            {
                return false;
            }

            _targets.Remove(targetId);
            _targetsByTitle[(target.GameId, target.Title)].Remove(target);
            return true;
        }
    }

    public IReadOnlyList<Target> UserTargets(Account account, string? gameId, string? status)
    {
        lock (_gate)
        {
            return _targets.Values
                .Where(t => t.AccountId == account.Id && (gameId is null || t.GameId == gameId) && (status is null || t.Status == status))
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.TargetId, StringComparer.Ordinal)
                .ToList();
        }
    }

    public IReadOnlyList<ClosedTargetRecord> ClosedTargets(Account account)
    {
        lock (_gate)
        {
            return _closedTargets.Where(c => c.AccountId == account.Id).OrderByDescending(c => c.ClosedAt).ToList();
        }
    }

    /// <summary>
    /// One step of the market on its own: listings appear (some underpriced), others leave, fair prices drift. A listing
    /// that leaves was bought, and is a sale at its price, only if no listing of its title asked less: buyers take the
    /// lowest ask, and a dearer one leaving is its seller delisting. (Recording every departure as a sale moved titles'
    /// sales toward the middle of their asks, one title in twenty over 10% above fair within ten minutes, and a resale
    /// read from them promised too much.)
    /// </summary>
    public void Tick()
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            var churn = Math.Max(1, _options.OffersPerGame / 300);
            foreach (var (gameId, items) in _catalogue)
            {
                for (var i = 0; i < churn; i++)
                {
                    List(NewListing(items[_random.Next(items.Count)], now));
                }

                var listed = _offersByPrice[gameId].Where(o => o.SellerAccountId is null && !o.KeptListed).ToList();
                for (var i = 0; i < churn && listed.Count > 0; i++)
                {
                    var leaving = listed[_random.Next(listed.Count)];
                    listed.Remove(leaving);
                    var bought = !_offersByTitle[(gameId, leaving.Title)].Any(o => o.PriceCents < leaving.PriceCents);
                    RemoveListing(leaving.OfferId, out _);
                    if (bought)
                    {
                        AddSale(gameId, leaving.Title, leaving.PriceCents, "Offer");
                    }
                }

                var drifting = items[_random.Next(items.Count)];
                drifting.FairPriceCents = Math.Max(1, (long)Math.Round(drifting.FairPriceCents * (0.99 + (0.02 * _random.NextDouble()))));
            }
        }
    }

    /// <summary>A new listing first fills the best buy order at or above its price; only if none does it stay listed.</summary>
    private Offer? List(Offer offer)
    {
        var now = _clock.UtcNow;
        var target = TargetsOf(offer.GameId, offer.Title)
            .Where(t => t.Status == Target.Active && t.PriceCents >= offer.PriceCents)
            .Where(t => t.AccountId is null || _accounts.Values.Any(a => a.Id == t.AccountId && a.BalanceCents - a.TradeProtectedCents >= t.PriceCents))
            .OrderByDescending(t => t.PriceCents).ThenBy(t => t.CreatedAt)
            .FirstOrDefault();

        if (target is null)
        {
            AddListing(offer);
            return offer;
        }

        target.Amount--;
        target.UpdatedAt = now;
        if (target.Amount == 0)
        {
            target.Status = Target.Inactive;
        }

        AddSale(offer.GameId, offer.Title, target.PriceCents, "Target");
        SellerPaid(offer, target.PriceCents, target.TargetId, now);
        if (target.AccountId is { } accountId && _accounts.Values.First(a => a.Id == accountId) is { } buyer)
        {
            buyer.BalanceCents -= target.PriceCents;
            buyer.Inventory[offer.AssetId] = Asset.From(offer, now, _options.TradeLock);
            _closedTargets.Add(new ClosedTargetRecord(accountId, target.TargetId, offer.OfferId, offer.AssetId, offer.Title, target.PriceCents, now, "successful"));
        }

        return null;
    }

    private void AddSale(string gameId, string title, long priceCents, string operationType)
    {
        if (!_sales.TryGetValue((gameId, title), out var sales))
        {
            _sales[(gameId, title)] = sales = [];
        }

        sales.Add(new SaleRecord(gameId, title, priceCents, _clock.UtcNow, operationType));
    }

    private static string EncodeCursor(string key, string offerId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}\n{offerId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string Key, string OfferId)? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            return parts.Length == 2 ? (parts[0], parts[1]) : throw new FormatException("A cursor has two parts.");
        }
        catch (FormatException exception)
        {
            throw new InvalidCursorException(cursor, exception);
        }
    }
}
