namespace DMarketAspire.DMarketSimulator.Market;

public sealed partial class MarketModel
{
    private readonly List<ClosedOfferRecord> _closedOffers = [];

    /// <summary>Lists items the account holds (v2 batchCreate). A listing at or under the best buy order fills it at once.</summary>
    public IReadOnlyList<OfferChange> CreateOffers(Account account, IReadOnlyList<(string AssetId, long PriceCents)> requests)
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            List<OfferChange> changes = [];
            foreach (var (assetId, price) in requests)
            {
                if (!account.Inventory.TryGetValue(assetId, out var asset))
                {
                    changes.Add(OfferChange.Failed(assetId, "AssetNotFound", "The asset is not in your inventory."));
                }
                else if (asset.OfferId is not null)
                {
                    changes.Add(OfferChange.Failed(assetId, "AlreadyOnSale", "The asset is already listed."));
                }
                else if (asset.ListingLockedUntil is { } until && until > now)
                {
                    changes.Add(OfferChange.Failed(assetId, "TradeLocked", $"The asset is trade-locked until {until:O}."));
                }
                else if (price <= 0 || price > MaxPriceCents)
                {
                    changes.Add(OfferChange.Failed(assetId, "InvalidPrice", $"priceCents: must be 1 to {MaxPriceCents}."));
                }
                else
                {
                    var offer = new Offer
                    {
                        OfferId = NewId(),
                        AssetId = asset.AssetId,
                        GameId = asset.GameId,
                        Title = asset.Title,
                        PriceCents = price,
                        PricedAt = now,
                        CreatedAt = now,
                        Attributes = asset.Attributes,
                        CategoryPath = asset.CategoryPath,
                        SellerAccountId = account.Id,
                    };
                    asset.OfferId = offer.OfferId;
                    changes.Add(OfferChange.Done(assetId, offer.OfferId, asset.AssetId));
                    List(offer);
                }
            }

            return changes;
        }
    }

    /// <summary>Reprices the account's listings (v2 batchUpdate); the offer keeps its id.</summary>
    public IReadOnlyList<OfferChange> UpdateOffers(Account account, IReadOnlyList<(string OfferId, long PriceCents)> requests)
    {
        lock (_gate)
        {
            List<OfferChange> changes = [];
            foreach (var (offerId, price) in requests)
            {
                if (!_offers.TryGetValue(offerId, out var offer) || offer.SellerAccountId != account.Id)
                {
                    changes.Add(OfferChange.Failed(offerId, "OfferNotFound", "No such offer of yours is listed."));
                }
                else if (price <= 0 || price > MaxPriceCents)
                {
                    changes.Add(OfferChange.Failed(offerId, "InvalidPrice", $"priceCents: must be 1 to {MaxPriceCents}."));
                }
                else
                {
                    RemoveListing(offerId, out _);
                    offer.PriceCents = price;
                    offer.PricedAt = _clock.UtcNow;
                    changes.Add(OfferChange.Done(offerId, offerId, offer.AssetId));
                    List(offer);
                }
            }

            return changes;
        }
    }

    /// <summary>Takes the account's listings off the market (v2 batchDelete); the items stay in the inventory.</summary>
    public IReadOnlyList<OfferChange> DeleteOffers(Account account, IReadOnlyList<string> offerIds)
    {
        lock (_gate)
        {
            List<OfferChange> changes = [];
            foreach (var offerId in offerIds)
            {
                if (!_offers.TryGetValue(offerId, out var offer) || offer.SellerAccountId != account.Id)
                {
                    changes.Add(OfferChange.Failed(offerId, "OfferNotFound", "No such offer of yours is listed."));
                    continue;
                }

                RemoveListing(offerId, out _);
                if (account.Inventory.TryGetValue(offer.AssetId, out var asset))
                {
                    asset.OfferId = null;
                }

                changes.Add(OfferChange.Done(offerId, offerId, offer.AssetId));
            }

            return changes;
        }
    }

    /// <summary>The account's listings of a game, cheapest first.</summary>
    public IReadOnlyList<Offer> UserOffers(Account account, string gameId)
    {
        lock (_gate)
        {
            return _offers.Values.Where(o => o.SellerAccountId == account.Id && o.GameId == gameId)
                .OrderBy(o => o.PriceCents).ThenBy(o => o.OfferId, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Sales the account made before (a history to sync): closed offers at a price, the fee charged as on a real sale.</summary>
    public int AddSoldHistory(Account account, string gameId, string title, int count, long priceCents)
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            var fraction = FeeFractionUnlocked(gameId, title, priceCents);
            var fee = Math.Max(DefaultFeeMinAmount, priceCents - (long)decimal.Floor(priceCents * (1 - fraction)));
            for (var i = 0; i < count; i++)
            {
                var closedAt = now.AddMinutes(-(count - i));
                _closedOffers.Add(new ClosedOfferRecord(account.Id, NewId(), NewId(), gameId, title, priceCents, fee, fraction, null, closedAt.AddHours(-1), closedAt));
            }

            return count;
        }
    }

    /// <summary>The account's sold listings, newest first.</summary>
    public IReadOnlyList<ClosedOfferRecord> ClosedOffers(Account account)
    {
        lock (_gate)
        {
            return _closedOffers.Where(c => c.AccountId == account.Id).Reverse().ToList();
        }
    }

    /// <summary>
    /// Simulated buyers: an account's listing at or under what the next buyer of its title pays (see
    /// <see cref="MarketPaysUnlocked"/>) sells once it has waited <see cref="SimulatorOptions.BuyerDelay"/> ×
    /// (price ÷ that)², so the cheaper, the sooner.
    /// </summary>
    public int SellToBuyers()
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            var sold = 0;
            foreach (var offer in _offers.Values.Where(o => o.SellerAccountId is not null).ToList())
            {
                var pays = MarketPaysUnlocked(offer);
                if (pays <= 0 || offer.PriceCents > pays)
                {
                    continue;
                }

                var ratio = (double)offer.PriceCents / pays;
                var wait = _options.BuyerDelay * Math.Max(MinBuyerDelayShare, ratio * ratio);
                if (now - offer.PricedAt < wait)
                {
                    continue;
                }

                RemoveListing(offer.OfferId, out _);
                AddSale(offer.GameId, offer.Title, offer.PriceCents, "Offer");
                SellerPaid(offer, offer.PriceCents, null, now);
                sold++;
            }

            return sold;
        }
    }

    /// <summary>
    /// What the next buyer of a title pays: the cheapest other listing (buyers take the cheapest), else the median of its
    /// last sales or its fair price, the higher; 0 for a title the market does not know.
    /// </summary>
    private long MarketPaysUnlocked(Offer offer)
    {
        if (_offersByTitle.TryGetValue((offer.GameId, offer.Title), out var listed) && listed.Where(o => o.OfferId != offer.OfferId).Select(o => (long?)o.PriceCents).Min() is { } cheapest)
        {
            return cheapest;
        }

        var fair = _byTitle.TryGetValue((offer.GameId, offer.Title), out var item) ? item.FairPriceCents : 0;
        if (_sales.TryGetValue((offer.GameId, offer.Title), out var sales) && sales.Count > 0)
        {
            var recent = sales.TakeLast(RecentSales).Select(s => s.PriceCents).Order().ToList();
            return Math.Max(fair, recent[recent.Count / 2]);
        }

        return fair;
    }

    /// <summary>An account's listing sold: the item leaves its inventory, price × (1 − fee) is credited, the trade closes.</summary>
    private void SellerPaid(Offer offer, long priceCents, string? targetId, DateTimeOffset now)
    {
        if (offer.SellerAccountId is not { } sellerId || _accounts.Values.FirstOrDefault(a => a.Id == sellerId) is not { } seller)
        {
            return;
        }

        var fraction = FeeFractionUnlocked(offer.GameId, offer.Title, priceCents);
        var credited = (long)decimal.Floor(priceCents * (1 - fraction));
        var fee = Math.Max(DefaultFeeMinAmount, priceCents - credited);
        credited = priceCents - fee;
        seller.BalanceCents += credited;
        seller.Inventory.Remove(offer.AssetId);
        _closedOffers.Add(new ClosedOfferRecord(seller.Id, offer.OfferId, offer.AssetId, offer.GameId, offer.Title, priceCents, fee, fraction, targetId, offer.CreatedAt, now));
    }
}
