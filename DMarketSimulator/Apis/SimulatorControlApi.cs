using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Signing;
using DMarketAspire.DMarketSimulator.Faults;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.RateLimiting;
using DMarketAspire.Pricing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DMarketAspire.DMarketSimulator.Apis;

/// <summary>The simulator's own controls, for tests and demos: unsigned, never part of DMarket's API.</summary>
public static class SimulatorControlApi
{
    private const int MaxSalesShown = 1000;

    public const string Prefix = "/_sim";

    public static IEndpointRouteBuilder MapSimulatorControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Simulator control");
        api.MapGet("/ground-truth", GetGroundTruth).WithName("GetGroundTruth").WithSummary("Offers the model knows to be profitable at fair resale after fees.");
        api.MapGet("/catalogue/{gameId}", GetCatalogue).WithName("GetCatalogue").WithSummary("A game's titles and their fair prices.");
        api.MapGet("/sales/{gameId}", (MarketModel market, string gameId, string title, int? limit) => TypedResults.Ok(market.LastSales(gameId, title, 0, limit ?? MaxSalesShown, [])))
            .WithName("GetSales").WithSummary("A title's sales history, newest first, in cents, unsigned: to check what the app made of it.");
        api.MapPost("/offers", PlantOffer).WithName("PlantOffer").WithSummary("Lists an offer now.");
        api.MapPost("/offers/listed", (MarketModel market, string[] offerIds) => TypedResults.Ok(market.Listed(offerIds)))
            .WithName("ListedOffers").WithSummary("Which of these offers are still on the market.");
        api.MapPost("/offers/departures", (MarketModel market, string[] offerIds) => TypedResults.Ok(market.Departures(offerIds)))
            .WithName("OfferDepartures").WithSummary("Which of these offers left the market, when, and whether a listing of their title at or under their price remains.");
        api.MapGet("/listings/{gameId}", (MarketModel market, string gameId, string title) => TypedResults.Ok(market.ListingsOf(gameId, title)))
            .WithName("GetTitleListings").WithSummary("A title's listings, cheapest first, and which are accounts'.");
        api.MapDelete("/offers/{offerId}", RemoveOffer).WithName("RemoveOffer").WithSummary("Another trader buys the offer.");
        api.MapPost("/tick", (MarketModel market) => { market.Tick(); return TypedResults.NoContent(); }).WithName("Tick").WithSummary("Moves the market one step.");
        api.MapPost("/buyers", (MarketModel market) => TypedResults.Ok(market.SellToBuyers())).WithName("RunBuyers").WithSummary("Simulated buyers take what is due now; returns how many sold.");
        api.MapGet("/faults", (FaultInjector faults) => TypedResults.Ok(faults.Settings)).WithName("GetFaults");
        api.MapPost("/faults", SetFaults).WithName("SetFaults").WithSummary("Injects errors, 429 bursts, latency or malformed bodies.");
        api.MapDelete("/faults", (FaultInjector faults) => { faults.Set(new FaultSettings()); return TypedResults.NoContent(); }).WithName("ClearFaults");
        api.MapGet("/clock", (SimulatorClock clock) => TypedResults.Ok(new ClockState(clock.Offset.TotalSeconds, clock.UtcNow))).WithName("GetClock");
        api.MapPut("/clock", SetClock).WithName("SetClock").WithSummary("Moves the simulator's clock by an offset in seconds.");
        api.MapGet("/stats", (AccountRateLimiter limiter, FaultInjector faults) => TypedResults.Ok(new SimulatorStats(limiter.Stats(), faults.Injected))).WithName("GetStats");
        api.MapPost("/stats/reset", (AccountRateLimiter limiter) => { limiter.ResetStats(); return TypedResults.NoContent(); }).WithName("ResetStats");
        api.MapPost("/accounts", CreateAccount).WithName("CreateAccount").WithSummary("A new account with a fresh key pair.");
        api.MapGet("/accounts/{publicKey}", GetAccount).WithName("GetAccount");
        api.MapGet("/accounts/{publicKey}/buys", GetBuys).WithName("GetBuys").WithSummary("The purchases that took effect for the account, oldest first.");
        api.MapPost("/accounts/{publicKey}/deposits", Deposit).WithName("Deposit").WithSummary("An item arrives in the account from Steam.");
        api.MapPost("/accounts/{publicKey}/sold-history", AddSoldHistory).WithName("AddSoldHistory").WithSummary("Closed sales the account made before, for a sync to read.");
        api.MapDelete("/accounts/{publicKey}/inventory/{assetId}", Withdraw).WithName("Withdraw").WithSummary("An item leaves the account outside the app.");
        return app;
    }

    private static Results<Ok<IReadOnlyList<GroundTruthOffer>>, ValidationProblem> GetGroundTruth(
        MarketModel market, [FromQuery] string? gameId, [FromQuery] decimal? minProfitPercent, [FromQuery] long? priceFromCents, [FromQuery] long? priceToCents,
        [FromQuery] bool? excludeBlacklisted)
    {
        if (gameId is not null && !DMarketGames.IsKnown(gameId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["gameId"] = [$"Unknown game; use one of {string.Join(", ", DMarketGames.All)}."] });
        }

        var truth = market.GroundTruth(gameId, minProfitPercent ?? 0m, priceFromCents, priceToCents);
        if (excludeBlacklisted == true)
        {
            // What the scanner throws out by design (stickers, cases, keys...) is not a miss.
            var blacklist = new Blacklist(PricingOptions.DefaultBlacklistWords);
            truth = [.. truth.Where(t => !blacklist.Matches(t.Title))];
        }

        return TypedResults.Ok(truth);
    }

    private static Results<Ok<IEnumerable<CatalogEntry>>, NotFound> GetCatalogue(MarketModel market, string gameId)
    {
        if (!DMarketGames.IsKnown(gameId))
        {
            return TypedResults.NotFound();
        }

        var bids = market.BestBuyOrders(gameId);
        var asks = market.CheapestOffers(gameId);
        return TypedResults.Ok(market.Catalogue(gameId).Select(c => new CatalogEntry(c.Title, c.FairPriceCents, bids.TryGetValue(c.Title, out var bid) ? bid : null,
            asks.TryGetValue(c.Title, out var ask) ? ask : null)));
    }

    private static Results<Created<PlantedOffer>, Ok<PlantedOffer>, ValidationProblem> PlantOffer(MarketModel market, PlantOfferRequest request)
    {
        Dictionary<string, string[]> errors = [];
        if (!DMarketGames.IsKnown(request.GameId))
        {
            errors["gameId"] = [$"Unknown game; use one of {string.Join(", ", DMarketGames.All)}."];
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Contains('/'))
        {
            errors["title"] = ["A title is required and cannot contain '/'."];
        }

        if (request.PriceCents <= 0 || request.FairPriceCents is <= 0)
        {
            errors["priceCents"] = ["Prices are positive cents."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var offer = market.Plant(request);
        return offer is null
            ? TypedResults.Ok(new PlantedOffer(null, request.Title, request.PriceCents, FilledABuyOrder: true))
            : TypedResults.Created($"{Prefix}/offers/{offer.OfferId}", new PlantedOffer(offer.OfferId, offer.Title, offer.PriceCents, FilledABuyOrder: false));
    }

    private static Results<NoContent, NotFound> RemoveOffer(MarketModel market, string offerId) =>
        market.RemoveOffer(offerId) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Results<Ok<FaultSettings>, ValidationProblem> SetFaults(FaultInjector faults, FaultSettings settings)
    {
        List<System.ComponentModel.DataAnnotations.ValidationResult> results = [];
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(settings, new(settings), results, validateAllProperties: true))
        {
            return TypedResults.ValidationProblem(results.ToDictionary(r => r.MemberNames.FirstOrDefault() ?? "faults", r => new[] { r.ErrorMessage ?? "Invalid." }));
        }

        faults.Set(settings);
        return TypedResults.Ok(faults.Settings);
    }

    private static Ok<ClockState> SetClock(SimulatorClock clock, ClockState request)
    {
        clock.Offset = TimeSpan.FromSeconds(request.OffsetSeconds);
        return TypedResults.Ok(new ClockState(clock.Offset.TotalSeconds, clock.UtcNow));
    }

    private static Created<NewAccount> CreateAccount(MarketModel market, [FromBody] NewAccountRequest? request)
    {
        var keys = DMarketKeys.FromSeed(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var account = market.AddAccount(keys.PublicKeyHex, request?.Username ?? "trader", request?.BalanceCents ?? 100_000);
        return TypedResults.Created($"{Prefix}/accounts/{keys.PublicKeyHex}", new NewAccount(account.Id, keys.PublicKeyHex, keys.SecretKeyHex(), account.BalanceCents));
    }

    private static Results<Ok<AccountState>, NotFound> GetAccount(MarketModel market, string publicKey) =>
        market.FindAccount(publicKey) is { } account
            ? TypedResults.Ok(new AccountState(account.Id, account.BalanceCents, account.Inventory.Count))
            : TypedResults.NotFound();

    private static Results<Ok<IReadOnlyList<BuyRecord>>, NotFound> GetBuys(MarketModel market, string publicKey) =>
        market.FindAccount(publicKey) is { } account ? TypedResults.Ok(market.Buys(account.Id)) : TypedResults.NotFound();

    private static Results<Created<Asset>, NotFound, ValidationProblem> Deposit(MarketModel market, string publicKey, DepositRequest request)
    {
        if (market.FindAccount(publicKey) is not { } account)
        {
            return TypedResults.NotFound();
        }

        if (!DMarketGames.IsKnown(request.GameId) || string.IsNullOrWhiteSpace(request.Title))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["A known gameId and a title are required."] });
        }

        var asset = market.Deposit(account, request.GameId, request.Title, request.TradeLockDays is > 0 ? TimeSpan.FromDays(request.TradeLockDays.Value) : null);
        return TypedResults.Created($"{Prefix}/accounts/{publicKey}/inventory/{asset.AssetId}", asset);
    }

    private static Results<NoContent, NotFound> Withdraw(MarketModel market, string publicKey, string assetId) =>
        market.FindAccount(publicKey) is { } account && market.Withdraw(account, assetId) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Results<Ok<int>, NotFound, ValidationProblem> AddSoldHistory(MarketModel market, string publicKey, SoldHistoryRequest request)
    {
        if (market.FindAccount(publicKey) is not { } account)
        {
            return TypedResults.NotFound();
        }

        if (!DMarketGames.IsKnown(request.GameId) || string.IsNullOrWhiteSpace(request.Title) || request.Count is < 1 or > 100_000 || request.PriceCents < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["A known gameId, a title, a count of 1 to 100,000 and a price of at least 1 cent."] });
        }

        return TypedResults.Ok(market.AddSoldHistory(account, request.GameId, request.Title, request.Count, request.PriceCents));
    }

    public sealed record SoldHistoryRequest(string GameId, string Title, int Count, long PriceCents);

    public sealed record DepositRequest(string GameId, string Title, int? TradeLockDays = null);

    public sealed record CatalogEntry(string Title, long FairPriceCents, long? BestBuyOrderCents, long? CheapestOfferCents = null);

    public sealed record SimulatorStats(IReadOnlyList<GroupStats> Groups, long FaultsInjected);

    public sealed record PlantedOffer(string? OfferId, string Title, long PriceCents, bool FilledABuyOrder);

    public sealed record ClockState(double OffsetSeconds, DateTimeOffset Now);

    public sealed record NewAccountRequest(string? Username, long? BalanceCents);

    public sealed record NewAccount(string AccountId, string PublicKey, string SecretKey, long BalanceCents);

    public sealed record AccountState(string AccountId, long BalanceCents, int InventoryCount);
}
