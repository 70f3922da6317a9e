using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.DMarketSimulator.Security;

namespace DMarketAspire.DMarketSimulator.Apis;

public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/account/v1").WithTags("Account");
        api.MapGet("/balance", GetBalance).WithName("GetBalance").WithSummary("The account's USD (cents) and DMC balances, as strings.");
        api.MapGet("/user", GetUser).WithName("GetUser").WithSummary("The account's profile.");
        return app;
    }

    private static IResult GetBalance(HttpContext context)
    {
        var account = context.Account();
        return Results.Json(new
        {
            usd = Units.CentsString(account.BalanceCents),
            usdAvailableToWithdraw = Units.CentsString(account.BalanceCents - account.TradeProtectedCents),
            usdTradeProtected = Units.CentsString(account.TradeProtectedCents),
            dmc = "0",
            dmcAvailableToWithdraw = "0",
        }, SimulatorJson.Options);
    }

    private static IResult GetUser(HttpContext context, MarketModel market)
    {
        var account = context.Account();
        return Results.Json(new
        {
            id = account.Id,
            username = account.Username,
            email = $"{account.Username}@simulator.invalid",
            isEmailVerified = true,
            countryCode = "US",
            countryCodeFromIP = "US",
            publicKey = account.PublicKeyHex,
            level = 1L,
            regType = "user",
            hasActiveSubscriptions = false,
            hasHistoryEvents = true,
            imageUrl = string.Empty,
            isPasswordSet = true,
            migrated = true,
            ga_client_id = string.Empty,
            agreementsInfo = new { isConfirmed = true, updated = market.Now.ToUnixTimeSeconds() },
            features = new[] { new { name = "P2P", enabled = false } },
            linkedGames = DMarketAspire.DMarket.Client.DMarketGames.All.Select(game => new { gameId = game, gameUserId = account.Id[..8], username = account.Username }),
            restrictions = Array.Empty<object>(),
            settings = new { enabledDeviceConfirmation = false, isSubscribedToNewsletters = false, targetsLimit = account.TargetsLimit, tradingApiToken = string.Empty },
            steamAccount = new { steamId = string.Empty, username = string.Empty, tradeUrl = string.Empty, apiKey = string.Empty, apiKeyStatus = "New", icon = string.Empty, isProfilePrivate = false, level = 0L },
            twitchAccount = new { userId = string.Empty, username = string.Empty, icon = string.Empty },
        }, SimulatorJson.Options);
    }
}
