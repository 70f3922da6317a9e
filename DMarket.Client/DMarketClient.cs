using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DMarketAspire.DMarket.Client.Attributes;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.DMarket.Client.Signing;
using DMarketAspire.DMarket.Client.Wire;

namespace DMarketAspire.DMarket.Client;

/// <summary>
/// The typed DMarket Trading API client. Every request is paced per rate-limit group and signed (see the
/// handlers registered by <c>AddDMarketClient</c>); every price leaves here as <c>long</c> cents, converted
/// from the unit of its endpoint family.
/// </summary>
public sealed class DMarketClient(HttpClient http, DMarketClock clock)
{
    public const int MaxBatch = 100;
    private const int MaxLastSalesLimit = 20;
    private const int FeesPageSize = 1000;

    /// <summary>The account this client acts for; null: the service's own (configured) keys.</summary>
    private DMarketKeys? Account { get; init; }

    /// <summary>
    /// A client for someone's own DMarket account (a bot user's): the same pipeline and resilience, each request signed
    /// with <paramref name="keys"/> and paced by that account's own budget, apart from the service's.
    /// </summary>
    public DMarketClient ForAccount(DMarketKeys keys) => new(http, clock) { Account = keys };

    public async Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var body = await SendAsync<BalanceResponse>(HttpMethod.Get, "/account/v1/balance", null, cancellationToken);
        return new Balance(body.Usd, body.UsdAvailableToWithdraw, body.UsdTradeProtected, body.Dmc, body.DmcAvailableToWithdraw);
    }

    public async Task<UserProfile> GetUserAsync(CancellationToken cancellationToken = default)
    {
        var body = await SendAsync<UserResponse>(HttpMethod.Get, "/account/v1/user", null, cancellationToken);
        return new UserProfile(body.Id, body.Username ?? string.Empty, body.PublicKey ?? string.Empty, body.Settings?.TargetsLimit ?? 0);
    }

    /// <summary>One page of <c>/exchange/v1/market/items</c>.</summary>
    public async Task<Page<MarketItem>> GetMarketItemsPageAsync(MarketItemsQuery query, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync<MarketItemsResponse>(HttpMethod.Get, "/exchange/v1/market/items" + MarketSearch(query, cursor, currency: "USD"), null, cancellationToken);

        var items = (body.Objects ?? []).Select(o => new MarketItem(
            o.ItemId,
            o.Extra?.OfferId ?? o.ItemId,
            o.GameId,
            o.Title,
            o.Price?.Usd ?? throw new DMarketProtocolException("/exchange/v1/market/items", new JsonException($"Item {o.ItemId} has no USD price.")),
            o.SuggestedPrice?.Usd,
            o.InstantPrice?.Usd,
            o.Fees?.Dmarket?.Sell?.Default?.Percentage,
            ItemAttributesReader.Read(o.GameId, o.Title, o.Extra is { } extra ? WireAttributes.From(extra) : new RawAttributes()),
            o.Extra?.Tradable ?? true,
            o.CreatedAt)).ToList();
        return new Page<MarketItem>(items, NullIfEmpty(body.Cursor), body.Total?.Offers);
    }

    /// <summary>Every item matching <paramref name="query"/>, following the cursor to the end.</summary>
    public IAsyncEnumerable<MarketItem> GetMarketItemsAsync(MarketItemsQuery query, CancellationToken cancellationToken = default) =>
        Paginate(cursor => GetMarketItemsPageAsync(query, cursor, cancellationToken), cancellationToken);

    /// <summary>One page of the v2 storefront, <c>/marketplace-api/v2/offers</c>.</summary>
    public async Task<Page<MarketOffer>> GetOffersPageAsync(MarketItemsQuery query, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync<OffersV2Response>(HttpMethod.Get, "/marketplace-api/v2/offers" + MarketSearch(query, cursor, currency: null), null, cancellationToken);
        var items = (body.Items ?? []).Select(i => new MarketOffer(
            i.OfferId,
            i.Attributes?.GameId ?? query.GameId,
            i.Attributes?.Title ?? string.Empty,
            i.PriceCents,
            i.CreatedAt,
            i.Locked,
            ItemAttributesReader.Read(i.Attributes?.GameId ?? query.GameId, i.Attributes?.Title ?? string.Empty, WireAttributes.From(i.Attributes)))).ToList();
        return new Page<MarketOffer>(items, NullIfEmpty(body.Cursor), body.Total);
    }

    public IAsyncEnumerable<MarketOffer> GetOffersAsync(MarketItemsQuery query, CancellationToken cancellationToken = default) =>
        Paginate(cursor => GetOffersPageAsync(query, cursor, cancellationToken), cancellationToken);

    /// <summary>Best bid and ask per title; more than 100 titles are asked for in batches of 100.</summary>
    public async Task<IReadOnlyList<AggregatedPrice>> GetAggregatedPricesAsync(string gameId, IReadOnlyCollection<string> titles, CancellationToken cancellationToken = default)
    {
        List<AggregatedPrice> prices = [];
        foreach (var batch in titles.Chunk(MaxBatch))
        {
            var cursor = string.Empty;
            do
            {
                var request = new AggregatedPricesRequest(new AggregatedPricesRequest.PriceFilter(gameId, batch), MaxBatch.ToString(CultureInfo.InvariantCulture), cursor);
                var body = await SendAsync<AggregatedPricesResponse>(HttpMethod.Post, "/marketplace-api/v1/aggregated-prices", request, cancellationToken);
                prices.AddRange((body.AggregatedPrices ?? []).Select(p => new AggregatedPrice(
                    p.Title,
                    p.OrderCount > 0 ? p.OrderBestPrice?.Amount : null,
                    p.OrderCount,
                    p.OfferCount > 0 ? p.OfferBestPrice?.Amount : null,
                    p.OfferCount)));
                cursor = body.NextCursor ?? string.Empty;
            }
            while (cursor.Length > 0);
        }

        return prices;
    }

    /// <summary>Recent sales of a title, newest first (at most 20 per call, DMarket's limit).</summary>
    public async Task<IReadOnlyList<Sale>> GetLastSalesAsync(string gameId, string title, int limit = MaxLastSalesLimit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLastSalesLimit);
        var parameters = new QueryString().Add("gameId", gameId).Add("title", title).Add("limit", limit).Add("offset", offset);
        var body = await SendAsync<LastSalesResponse>(HttpMethod.Get, "/trade-aggregator/v1/last-sales" + parameters, null, cancellationToken);
        return (body.Sales ?? []).Select(s => new Sale(s.Price, s.Date, s.TxOperationType ?? string.Empty)).ToList();
    }

    /// <summary>The whole fee table of a game: the default fee and every reduced fee, paged through.</summary>
    public async Task<FeeTable> GetCustomizedFeesAsync(string gameId, string offerType = "dmarket", CancellationToken cancellationToken = default)
    {
        List<ReducedFee> reduced = [];
        CustomizedFeesResponse body;
        var offset = 0;
        do
        {
            var parameters = new QueryString().Add("gameId", gameId).Add("offerType", offerType).Add("limit", FeesPageSize).Add("offset", offset);
            body = await SendAsync<CustomizedFeesResponse>(HttpMethod.Get, "/exchange/v1/customized-fees" + parameters, null, cancellationToken);
            var page = body.ReducedFees ?? [];
            reduced.AddRange(page.Select(f => new ReducedFee(f.Title, f.Fraction, f.MinPrice, f.MaxPrice, f.ExpiresAt)));
            offset += page.Count;
            if (page.Count < FeesPageSize)
            {
                break;
            }
        }
        while (true);

        return new FeeTable(body.DefaultFee?.Fraction ?? 0m, body.DefaultFee?.MinAmount ?? 0, reduced);
    }

    /// <summary>The order book of buy orders for a title, best price first.</summary>
    public async Task<IReadOnlyList<BuyOrder>> GetTargetsByTitleAsync(string gameId, string title, CancellationToken cancellationToken = default)
    {
        var path = $"/marketplace-api/v1/targets-by-title/{PathSegment(gameId)}/{PathSegment(title)}";
        var body = await SendAsync<TargetsByTitleResponse>(HttpMethod.Get, path, null, cancellationToken);
        return (body.Orders ?? [])
            .Select(o => new BuyOrder(o.Title, o.Price, o.Amount, (o.Attributes ?? []).ToDictionary(a => a.Key, a => a.Value.ToString())))
            .OrderByDescending(o => o.PriceCents)
            .ToList();
    }

    /// <summary>Places buy orders; per-target failures come back in the results.</summary>
    public async Task<IReadOnlyList<TargetOperationResult>> CreateTargetsAsync(string gameId, IReadOnlyCollection<NewTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targets.Count, MaxBatch);
        var request = new CreateTargetsRequest(gameId, targets.Select(t => new CreateTargetsRequest.TargetEntry(
            t.Amount.ToString(CultureInfo.InvariantCulture),
            new MarketplaceMoney("USD", t.PriceCents),
            t.Title,
            t.FloatPartValue is null && t.Phase is null && t.PaintSeed is null ? null : new CreateTargetsRequest.TargetAttrs(t.FloatPartValue, t.Phase, t.PaintSeed))).ToList());
        var body = await ChangeAsync<TargetsBatchResponse>(HttpMethod.Post, "/marketplace-api/v1/user-targets/create", request, cancellationToken);
        return (body.Result ?? []).Select(r => new TargetOperationResult(r.TargetId, r.CreateTarget?.Title, r.Successful, r.Error?.Code, r.Error?.Message)).ToList();
    }

    public async Task<IReadOnlyList<TargetOperationResult>> DeleteTargetsAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetIds.Count, MaxBatch);
        var request = new DeleteTargetsRequest(targetIds.Select(id => new DeleteTargetsRequest.TargetRef(id)).ToList());
        var body = await ChangeAsync<TargetsBatchResponse>(HttpMethod.Post, "/marketplace-api/v1/user-targets/delete", request, cancellationToken);
        return (body.Result ?? []).Select(r => new TargetOperationResult(r.TargetId ?? r.DeleteTarget?.TargetId, null, r.Successful, r.Error?.Code, r.Error?.Message)).ToList();
    }

    /// <summary>The account's buy orders through the v1 list (<c>BasicFilters.Status</c>: TargetStatusActive or TargetStatusInactive).</summary>
    public IAsyncEnumerable<UserTarget> GetUserTargetsAsync(string gameId, string status = "TargetStatusActive", CancellationToken cancellationToken = default) =>
        Paginate(async cursor =>
        {
            var parameters = new QueryString().Add("GameID", gameId).Add("BasicFilters.Status", status).Add("Limit", MaxBatch).Add("Cursor", cursor);
            var body = await SendAsync<UserTargetsV1Response>(HttpMethod.Get, "/marketplace-api/v1/user-targets" + parameters, null, cancellationToken);
            var items = (body.Items ?? []).Select(i => new UserTarget(i.TargetId, i.GameId ?? gameId, i.Title, i.Amount, i.Price.AmountCents, i.Status, null)).ToList();
            return new Page<UserTarget>(items, NullIfEmpty(body.Cursor), long.TryParse(body.Total, out var total) ? total : null);
        }, cancellationToken);

    /// <summary>The account's buy orders through the v2 list.</summary>
    public IAsyncEnumerable<UserTarget> GetUserTargetsV2Async(string gameId, CancellationToken cancellationToken = default) =>
        Paginate(async cursor =>
        {
            var parameters = new QueryString().Add("gameId", gameId).Add("limit", MaxBatch).Add("cursor", cursor);
            var body = await SendAsync<UserTargetsV2Response>(HttpMethod.Get, "/marketplace-api/v2/user/targets" + parameters, null, cancellationToken);
            var items = (body.Items ?? []).Select(i => new UserTarget(i.TargetId, i.Attributes?.GameId ?? gameId, i.Title, i.Amount, i.PriceCents, i.Status, i.CreatedAt)).ToList();
            return new Page<UserTarget>(items, NullIfEmpty(body.Cursor), body.Total);
        }, cancellationToken);

    /// <summary>Filled (and reverted) buy orders, newest first.</summary>
    public IAsyncEnumerable<ClosedTarget> GetClosedTargetsAsync(CancellationToken cancellationToken = default) =>
        Paginate(async cursor =>
        {
            var parameters = new QueryString().Add("Limit", MaxBatch).Add("Cursor", cursor);
            var body = await SendAsync<ClosedTargetsResponse>(HttpMethod.Get, "/marketplace-api/v1/user-targets/closed" + parameters, null, cancellationToken);
            var items = (body.Trades ?? []).Select(t => new ClosedTarget(t.TargetId, t.OfferId ?? string.Empty, t.AssetId ?? string.Empty, t.Title, t.Price.AmountCents, t.Status, t.ClosedAt)).ToList();
            return new Page<ClosedTarget>(items, NullIfEmpty(body.Cursor), long.TryParse(body.Total, out var total) ? total : null);
        }, cancellationToken);

    /// <summary>What the account holds in a game (v2 inventory), optionally by title prefix. Suggested prices: dollars on the wire, cents here.</summary>
    public IAsyncEnumerable<InventoryItem> GetInventoryAsync(string gameId, string? title = null, CancellationToken cancellationToken = default) =>
        Paginate(async cursor =>
        {
            var parameters = new QueryString().Add("gameId", gameId).Add("limit", MaxBatch).Add("cursor", cursor).Add("title", title);
            var body = await SendAsync<InventoryV2Response>(HttpMethod.Get, "/marketplace-api/v2/user/inventory" + parameters, null, cancellationToken);
            var now = clock.UtcNow;
            var items = (body.Items ?? [])
                .Where(i => i.Attributes?.AssetId is { Length: > 0 } && i.Attributes.Title is not null)
                .Select(i => new InventoryItem(
                    i.Attributes!.AssetId!,
                    i.Attributes.GameId ?? gameId,
                    i.Attributes.Title!,
                    i.InMarket ?? true,
                    i.Attributes.TradeLockUntil ?? (i.Attributes.TradeLock > 0 ? now.AddDays(i.Attributes.TradeLock) : null),
                    i.SuggestedPrice is { Currency: "USD" or null } price ? price.Amount : null,
                    i.CreatedAt ?? now))
                .ToList();
            return new Page<InventoryItem>(items, NullIfEmpty(body.Cursor), body.Total);
        }, cancellationToken);

    /// <summary>Lists items at prices in cents (v2 batchCreate). Each entry succeeds or fails on its own.</summary>
    public async Task<IReadOnlyList<OfferOperationResult>> CreateOffersAsync(IReadOnlyCollection<(string AssetId, long PriceCents)> offers, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offers.Count, MaxBatch);
        var body = await ChangeAsync<OfferBatchResponse>(HttpMethod.Post, "/marketplace-api/v2/offers:batchCreate",
            new OfferBatchRequest<CreateOfferEntry>(offers.Select(o => new CreateOfferEntry(o.AssetId, o.PriceCents)).ToList()), cancellationToken);
        return OfferResults(body, offers.Select(o => o.AssetId), done => done.AssetId, failed => failed.AssetId);
    }

    /// <summary>Reprices the account's listings (v2 batchUpdate), in cents.</summary>
    public async Task<IReadOnlyList<OfferOperationResult>> UpdateOffersAsync(IReadOnlyCollection<(string OfferId, long PriceCents)> offers, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offers.Count, MaxBatch);
        var body = await ChangeAsync<OfferBatchResponse>(HttpMethod.Post, "/marketplace-api/v2/offers:batchUpdate",
            new OfferBatchRequest<UpdateOfferEntry>(offers.Select(o => new UpdateOfferEntry(o.OfferId, o.PriceCents)).ToList()), cancellationToken);
        return OfferResults(body, offers.Select(o => o.OfferId), done => done.Id, failed => failed.OfferId);
    }

    /// <summary>Takes the account's listings off the market (v2 batchDelete).</summary>
    public async Task<IReadOnlyList<OfferOperationResult>> DeleteOffersAsync(IReadOnlyCollection<string> offerIds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offerIds.Count, MaxBatch);
        var body = await ChangeAsync<OfferBatchResponse>(HttpMethod.Post, "/marketplace-api/v2/offers:batchDelete",
            new OfferBatchRequest<DeleteOfferEntry>(offerIds.Select(id => new DeleteOfferEntry(id)).ToList()), cancellationToken);
        return OfferResults(body, offerIds, done => done.Id, failed => failed.OfferId);
    }

    private static List<OfferOperationResult> OfferResults(OfferBatchResponse body, IEnumerable<string> keys, Func<OfferBatchResponse.Done, string?> doneKey, Func<OfferBatchResponse.Failure, string?> failedKey)
    {
        var done = (body.Offers ?? []).Where(o => doneKey(o) is not null).GroupBy(o => doneKey(o)!).ToDictionary(g => g.Key, g => g.First());
        var failed = (body.Failed ?? []).Where(f => failedKey(f) is not null).GroupBy(f => failedKey(f)!).ToDictionary(g => g.Key, g => g.First());
        return keys.Select(key => done.TryGetValue(key, out var ok)
                ? new OfferOperationResult(key, true, ok.Id, null, null)
                : failed.TryGetValue(key, out var no)
                    ? new OfferOperationResult(key, false, null, no.Code, no.Message)
                    : new OfferOperationResult(key, false, null, "Missing", "DMarket's answer did not mention it."))
            .ToList();
    }

    /// <summary>The account's own listings of a game.</summary>
    public IAsyncEnumerable<UserOffer> GetUserOffersAsync(string gameId, CancellationToken cancellationToken = default) =>
        Paginate(async cursor =>
        {
            var parameters = new QueryString().Add("gameId", gameId).Add("limit", MaxBatch).Add("cursor", cursor);
            var body = await SendAsync<UserOffersV2Response>(HttpMethod.Get, "/marketplace-api/v2/user/offers" + parameters, null, cancellationToken);
            var items = (body.Items ?? []).Select(i => new UserOffer(i.OfferId, i.Attributes?.AssetId, i.Attributes?.GameId ?? gameId, i.Attributes?.Title ?? string.Empty, i.PriceCents, i.CreatedAt)).ToList();
            return new Page<UserOffer>(items, NullIfEmpty(body.Cursor), body.Total);
        }, cancellationToken);

    /// <summary>The account's sold listings, newest first, with the fee charged (dollars on v1's wire, cents here).</summary>
    public IAsyncEnumerable<ClosedOffer> GetClosedOffersAsync(CancellationToken cancellationToken = default) =>
        Paginate(async cursor =>
        {
            var parameters = new QueryString().Add("Limit", MaxBatch).Add("Cursor", cursor);
            var body = await SendAsync<ClosedOffersResponse>(HttpMethod.Get, "/marketplace-api/v1/user-offers/closed" + parameters, null, cancellationToken);
            var items = (body.Trades ?? []).Select(t => new ClosedOffer(t.OfferId, t.AssetId, t.Title, t.Price.AmountCents, t.Fee?.Amount?.AmountCents, t.OfferClosedAt, t.Status ?? "successful")).ToList();
            return new Page<ClosedOffer>(items, NullIfEmpty(body.Cursor), long.TryParse(body.Total, out var total) ? total : null);
        }, cancellationToken);

    /// <summary>Buys offers at the prices seen. A sold or repriced offer comes back as TxFailed, not as an exception.</summary>
    public async Task<BuyResult> BuyOffersAsync(IReadOnlyCollection<OfferToBuy> offers, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offers.Count, MaxBatch);
        var request = new OffersBuyRequest(offers.Select(o => new OffersBuyRequest.OfferEntry(o.OfferId, new OffersBuyRequest.CentsPrice(o.PriceCents, "USD"), o.Type)).ToList());
        var body = await ChangeAsync<OffersBuyResponse>(HttpMethod.Patch, "/exchange/v1/offers-buy", request, cancellationToken);
        return new BuyResult(body.OrderId, body.Status ?? "TxFailed", body.TxId, body.DmOffersFailReason?.Code);
    }

    /// <summary>A request that changes state at DMarket: never retried after it may have taken effect.</summary>
    private Task<T> ChangeAsync<T>(HttpMethod method, string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(method, path, body, cancellationToken, changesState: true);

    private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken, bool changesState = false)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        request.Options.Set(DMarketHttpOptions.ChangesState, changesState);
        if (Account is not null)
        {
            request.Options.Set(DMarketHttpOptions.AccountKeys, Account);
        }

        if (body is not null)
        {
            // Serialised once: the signing handler signs exactly these bytes.
            request.Content = new StringContent(JsonSerializer.Serialize(body, DMarketJson.Options), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var path = pathAndQuery.Split('?')[0];
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccessStatusCode)
        {
            throw ToException(response.StatusCode, text, path);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, DMarketJson.Options) ?? throw new JsonException("The body is empty.");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException)
        {
            throw new DMarketProtocolException(path, exception);
        }
    }

    private DMarketApiException ToException(HttpStatusCode status, string text, string path)
    {
        string? code = null;
        var message = text.Length > 0 ? text : status.ToString();
        try
        {
            if (JsonSerializer.Deserialize<ErrorBody>(text, DMarketJson.Options) is { } error)
            {
                code = error.Code?.ValueKind == JsonValueKind.String ? error.Code.Value.GetString() : error.Error ?? error.Code?.ToString();
                message = error.Message ?? error.Error ?? message;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the raw text is the message.
        }

        return status == HttpStatusCode.Unauthorized
            ? new DMarketAuthenticationException(code, message, path, clock.Offset)
            : new DMarketApiException(status, code, message, path);
    }

    private static async IAsyncEnumerable<T> Paginate<T>(Func<string?, Task<Page<T>>> fetch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        HashSet<string> seen = [];
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(cursor).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            cursor = page.Cursor;
            if (cursor is not null && !seen.Add(cursor))
            {
                throw new DMarketProtocolException("paging", new JsonException($"DMarket returned the cursor '{cursor}' twice; stopping rather than looping."));
            }
        }
        while (cursor is not null);
    }

    /// <summary>The search both listing endpoints take; the exchange one also wants the currency.</summary>
    private static QueryString MarketSearch(MarketItemsQuery query, string? cursor, string? currency)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MarketItemsQuery.MaxLimit);
        return new QueryString()
            .Add("gameId", query.GameId)
            .Add("currency", currency)
            .Add("limit", query.Limit)
            .Add("orderBy", query.OrderBy)
            .Add("orderDir", query.OrderDir)
            .Add("priceFrom", query.PriceFromCents)
            .Add("priceTo", query.PriceToCents)
            .Add("title", query.Title)
            .Add("cursor", cursor);
    }

    private static string PathSegment(string value)
    {
        if (value.Contains('/'))
        {
            throw new ArgumentException($"'{value}' contains '/', which DMarket cannot take inside a path segment.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    private static string? NullIfEmpty(string? cursor) => string.IsNullOrEmpty(cursor) ? null : cursor;
}
