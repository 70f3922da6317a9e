using System.Net.Http.Json;
using DMarketAspire.Data.Domain;
using DMarketAspire.DMarketSimulator.Apis;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.IntegrationTests.Infrastructure;
using ChatMessageView = DMarketAspire.TelegramSimulator.Control.ChatMessageView;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Buy now through the Telegram simulator against the DMarket simulator, with DMarket's faults injected on the buy path:
/// a buy goes out only on a confirmation, exactly once (counted at the simulator), an answer lost after the buy took
/// effect is reconciled from the inventory and told once, a 5xx before it is reconciled as not bought, a stale price
/// is refused and retires the opportunity for everyone.
/// </summary>
public sealed class BotTradingTests(BotAccountTests.Fixture bot) : IClassFixture<BotAccountTests.Fixture>
{
    private const string BuyPath = "/exchange/v1/offers-buy";
    private static long _nextUser = 7100;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfirmedBuyGoesOutOnceEvenWhenPressedTwiceAndMakesOnePosition()
    {
        var (user, account) = await ConnectAsync(50_00);
        var opportunity = await ListAsync("Trading Double Press Crate", 12_34);

        // The opportunity's card (the user's filters admit it) carries the Buy now button beside Buy order.
        var card = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔔 New opportunity", StringComparison.Ordinal) && m.Text.Contains("Trading Double Press Crate", StringComparison.Ordinal), what: "card");
        var buyNow = card.Buttons.SelectMany(r => r).Single(b => b.Text == "🛒 Buy now");
        Assert.Contains(card.Buttons.SelectMany(r => r), b => b.Text == "🎯 Buy order");
        await bot.PressAsync(user, card.MessageId, buyNow.CallbackData!);
        var summary = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🛒 Buy Trading Double Press Crate", StringComparison.Ordinal), what: "summary");
        Assert.Contains("Price: $12.34", summary.Text);
        Assert.Contains("Balance: $50.00 → $37.66 after", summary.Text);
        Assert.Empty(await BuysAsync(account));

        var confirm = summary.Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Buy for $12.34").CallbackData!;
        await Task.WhenAll(bot.PressAsync(user, summary.MessageId, confirm), bot.PressAnyAsync(user, summary.MessageId, confirm));
        var bought = await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("✅ Bought", StringComparison.Ordinal), what: "bought");
        Assert.Contains("$12.34", bought.Text);
        await bot.PressAnyAsync(user, summary.MessageId, confirm);

        await WaitUntilAsync(async () => (await bot.ChatAsync(user))!.CallbackAnswers.Count(a => a.Text?.Contains("already confirmed", StringComparison.Ordinal) == true) >= 2, "the later presses' toasts");
        var buys = await BuysAsync(account);
        Assert.Single(buys);
        Assert.Equal(12_34, buys[0].PriceCents);
        Assert.Equal(50_00 - 12_34, (await AccountAsync(account)).BalanceCents);

        await using var db = SchemaTests.NewContext(bot.Database);
        var position = await db.Positions.SingleAsync(p => p.UserId == user, Ct);
        Assert.Equal((buys[0].AssetId, 12_34L, PositionCostSource.Bought), (position.AssetId, position.CostCents!.Value, position.CostSource));
        Assert.Equal(OpportunityStatus.Gone, (await db.Opportunities.SingleAsync(o => o.Id == opportunity.Id, Ct)).Status);

        await bot.SendAsync(user, "/inventory");
        var inventory = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🎒 Your DMarket items: 1", StringComparison.Ordinal), what: "inventory");
        Assert.Contains("Trading Double Press Crate", inventory.Text);
        Assert.Contains("cost $12.34", inventory.Text);
        Assert.Contains("🔒 until", inventory.Text);
        Assert.Single(await db.Positions.Where(p => p.UserId == user).ToListAsync(Ct));
    }

    [Fact]
    public async Task AnAnswerLostAfterTheBuyTookEffectIsReconciledAndToldOnceNeverResent()
    {
        var (user, account) = await ConnectAsync(80_00);
        var opportunity = await ListAsync("Trading Lost Answer Crate", 20_00);
        var summary = await SummaryAsync(user, opportunity);

        await SetFaultsAsync(new { path = BuyPath, loseAnswerRate = 1.0 });
        try
        {
            await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
            var checking = await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("⏳ DMarket did not answer", StringComparison.Ordinal), what: "checking");
            Assert.Contains("will not be sent again", checking.Text);
        }
        finally
        {
            await bot.DMarket.DeleteAsync("/_sim/faults", Ct);
        }

        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("✅ The buy of Trading Lost Answer Crate for $20.00 went through", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "reconciled");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Single(await BuysAsync(account));
        var chat = (await bot.ChatAsync(user))!;
        Assert.Single(chat.Messages, m => m.Text.StartsWith("✅ The buy of", StringComparison.Ordinal));
        await using var db = SchemaTests.NewContext(bot.Database);
        var buy = await db.Buys.SingleAsync(b => b.UserId == user, Ct);
        Assert.Equal(BuyStatus.Bought, buy.Status);
        Assert.Single(await db.Positions.Where(p => p.UserId == user).ToListAsync(Ct));
        Assert.Single(await db.Notifications.Where(n => n.BuyId == buy.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task AServerErrorBeforeTheBuyTookEffectIsReconciledAsNotBought()
    {
        var (user, account) = await ConnectAsync(80_00);
        var opportunity = await ListAsync("Trading Server Error Crate", 15_00);
        var summary = await SummaryAsync(user, opportunity);

        await SetFaultsAsync(new { path = BuyPath, errorRate = 1.0, errorStatus = 503 });
        try
        {
            await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
            await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("⏳ DMarket did not answer", StringComparison.Ordinal), what: "checking");
        }
        finally
        {
            await bot.DMarket.DeleteAsync("/_sim/faults", Ct);
        }

        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("ℹ️ The buy of Trading Server Error Crate for $15.00 did not go through", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "not bought");
        Assert.Empty(await BuysAsync(account));
        Assert.Equal(80_00, (await AccountAsync(account)).BalanceCents);
        await using var db = SchemaTests.NewContext(bot.Database);
        var buy = await db.Buys.SingleAsync(b => b.UserId == user, Ct);
        Assert.Equal((BuyStatus.Failed, "NotTaken"), (buy.Status, buy.FailReason));
        Assert.Empty(await db.Positions.Where(p => p.UserId == user).ToListAsync(Ct));
    }

    [Fact]
    public async Task AListingSoldBeforeTheConfirmationIsNotBoughtAndGoneForEveryone()
    {
        var (user, account) = await ConnectAsync(80_00);
        var opportunity = await ListAsync("Trading Stale Price Crate", 9_99);
        var summary = await SummaryAsync(user, opportunity);

        (await bot.DMarket.DeleteAsync($"/_sim/offers/{opportunity.OfferId}", Ct)).EnsureSuccessStatusCode();
        await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
        var told = await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("❌ Trading Stale Price Crate is no longer listed at $9.99", StringComparison.Ordinal), what: "sold");
        Assert.Contains("Nothing was bought", told.Text);
        Assert.Empty(await BuysAsync(account));
        await using var db = SchemaTests.NewContext(bot.Database);
        var gone = await db.Opportunities.SingleAsync(o => o.Id == opportunity.Id, Ct);
        Assert.Equal((OpportunityStatus.Gone, "OfferNotFound"), (gone.Status, gone.GoneReason));
        Assert.True(await db.OpportunityEvents.AnyAsync(e => e.OpportunityId == opportunity.Id && e.Kind == OpportunityEventKind.Gone, Ct));

        // Asked again, the summary itself says so: nothing to confirm.
        var other = await ListAsync("Trading Stale Price Crate Two", 5_00);
        (await bot.DMarket.DeleteAsync($"/_sim/offers/{other.OfferId}", Ct)).EnsureSuccessStatusCode();
        await bot.SendAsync(user, $"/buy {other.OfferId}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("❌ Trading Stale Price Crate Two is no longer listed", StringComparison.Ordinal), what: "sold at proposal");
    }

    [Fact]
    public async Task BadBuyInputGetsAReplyAndSendsNothing()
    {
        var (user, account) = await ConnectAsync(10_00);
        await bot.SendAsync(user, "/buy");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Usage: /buy", StringComparison.Ordinal), what: "usage");
        await bot.SendAsync(user, "/buy no-such-offer");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("No listing with offer id no-such-offer", StringComparison.Ordinal), what: "unknown offer");

        // Cancelled: the confirm button no longer buys.
        var opportunity = await ListAsync("Trading Cancelled Crate", 3_00);
        var summary = await SummaryAsync(user, opportunity);
        var cancel = summary.Buttons.SelectMany(r => r).Single(b => b.Text == "✖ Cancel").CallbackData!;
        await bot.PressAsync(user, summary.MessageId, cancel);
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text == "Cancelled. Nothing was bought.", what: "cancelled");
        await bot.PressAnyAsync(user, summary.MessageId, ConfirmData(summary));
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("This summary expired or was cancelled", StringComparison.Ordinal), what: "expired");
        Assert.Empty(await BuysAsync(account));
    }

    [Fact]
    public async Task BoughtListedSoldToASimulatedBuyerAndCountedInProfitToTheCent()
    {
        var (user, account) = await ConnectAsync(100_00);
        var opportunity = await ListAsync("Trading Loop Crate", 10_00, fairPriceCents: 20_00);
        var summary = await SummaryAsync(user, opportunity);
        await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("✅ Bought", StringComparison.Ordinal), what: "bought");
        var position = await PositionAsync(user, "Trading Loop Crate");

        // The quote: no offers or sales of this title, so DMarket's suggested price, never under break-even after the 10% fee.
        await bot.SendAsync(user, $"/sell {position.Id}");
        var quote = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("💲 Trading Loop Crate", StringComparison.Ordinal), what: "quote");
        Assert.Contains("Cost $10.00", quote.Text);
        Assert.Contains("Fee 10% · break-even $11.12", quote.Text);

        await bot.SendAsync(user, $"/sell {position.Id} 15.00");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🏷 Listed Trading Loop Crate at $15.00", StringComparison.Ordinal), what: "listed");
        var sold = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("💰 Sold Trading Loop Crate for $15.00", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "sold");
        // The simulator credits price × (1 − 10%) rounded down: $13.50, so a fee of $1.50 and a profit of $3.50 on the $10.00 cost.
        Assert.Contains("fee $1.50, cost $10.00 → profit +$3.50", sold.Text);
        Assert.Equal(100_00 - 10_00 + 13_50, (await AccountAsync(account)).BalanceCents);

        await bot.SendAsync(user, "/pnl");
        var pnl = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("📈 Profit and loss", StringComparison.Ordinal), what: "pnl");
        Assert.Contains("Today: +$3.50 · 1 trades · volume $15.00 · fees $1.50", pnl.Text);
        Assert.Contains("All: +$3.50", pnl.Text);
        Assert.Contains("Rust: +$3.50", pnl.Text);
        await bot.WaitForBotMessageAsync(user, m => m.Photo && m.MessageId > pnl.MessageId, what: "chart");

        await using var db = SchemaTests.NewContext(bot.Database);
        var trade = await db.Trades.SingleAsync(t => t.UserId == user, Ct);
        Assert.Equal((15_00L, 1_50L, 10_00L, 3_50L, position.Id), (trade.PriceCents, trade.FeeCents, trade.CostCents!.Value, trade.ProfitCents!.Value, trade.PositionId!.Value));
        Assert.NotNull((await db.Positions.SingleAsync(p => p.Id == position.Id, Ct)).GoneAt);
        Assert.Single((await bot.ChatAsync(user))!.Messages, m => m.Text.StartsWith("💰 Sold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AListingFollowingOffersDownIsRepricedACentUnderACheaperOne()
    {
        var (user, _) = await ConnectAsync(100_00);
        var opportunity = await ListAsync("Trading Follow Crate", 10_00, fairPriceCents: 16_50);
        var summary = await SummaryAsync(user, opportunity);
        await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("✅ Bought", StringComparison.Ordinal), what: "bought");
        var position = await PositionAsync(user, "Trading Follow Crate");

        await bot.SendAsync(user, $"/sell {position.Id} 18.00 follow");
        var listed = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🏷 Listed Trading Follow Crate at $18.00", StringComparison.Ordinal), what: "listed");
        Assert.Contains("following the best offer down to $11.12", listed.Text);

        (await bot.DMarket.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest("rust", "Trading Follow Crate", 17_00, BypassBuyOrders: true), Ct)).EnsureSuccessStatusCode();
        await WaitUntilAsync(async () =>
        {
            await using var db = SchemaTests.NewContext(bot.Database);
            return (await db.Positions.SingleAsync(p => p.Id == position.Id, Ct)).ListPriceCents == 16_99;
        }, "the repricer to follow the cheaper offer");
        await using var check = SchemaTests.NewContext(bot.Database);
        var repriced = await check.Positions.SingleAsync(p => p.Id == position.Id, Ct);
        Assert.Equal(1, repriced.RepricesToday);
    }

    [Fact]
    public async Task BadSellInputGetsAReplyNamingTheProblemAndListsNothing()
    {
        var (user, account) = await ConnectAsync(100_00);
        var opportunity = await ListAsync("Trading Bad Sell Crate", 10_00, fairPriceCents: 30_00);
        var summary = await SummaryAsync(user, opportunity);
        await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("✅ Bought", StringComparison.Ordinal), what: "bought");
        var position = await PositionAsync(user, "Trading Bad Sell Crate");
        var id = position.Id;

        foreach (var price in new[] { "1.234", "0", "-5", "abc", "99999999" })
        {
            var before = await LastMessageIdAsync(user);
            await bot.SendAsync(user, $"/sell {id} {price}");
            await bot.WaitForBotMessageAsync(user, m => m.MessageId > before && m.Text.StartsWith("Price: a dollar amount with at most two decimals", StringComparison.Ordinal), what: $"bad price {price}");
        }

        await bot.SendAsync(user, "/sell 99999999 5.00");
        await bot.WaitForBotMessageAsync(user, m => m.Text == "You hold no item #99999999. /inventory lists yours.", what: "not yours");
        await bot.SendAsync(user, $"/sell {id} 10.50");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("$10.50 is under your break-even $11.12 for Trading Bad Sell Crate", StringComparison.Ordinal), what: "below break-even");
        await bot.SendAsync(user, "/sell");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Usage: /sell", StringComparison.Ordinal), what: "usage");

        // A deposit from Steam still under its trade lock: DMarket refuses to list it, and the reply says so.
        (await bot.DMarket.PostAsJsonAsync($"/_sim/accounts/{account.PublicKey}/deposits", new SimulatorControlApi.DepositRequest("rust", "Trading Locked Crate", TradeLockDays: 3), Ct)).EnsureSuccessStatusCode();
        await bot.SendAsync(user, "/inventory");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🎒 Your DMarket items: 2", StringComparison.Ordinal), what: "inventory with the deposit");
        var locked = await PositionAsync(user, "Trading Locked Crate");
        Assert.Equal(PositionCostSource.Unknown, locked.CostSource);
        await bot.SendAsync(user, $"/sell {locked.Id} 5.00");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("❌ Trading Locked Crate is trade-locked", StringComparison.Ordinal), what: "trade-locked");

        // Its cost is the user's to set; once it leaves the account elsewhere, it leaves the positions.
        await bot.SendAsync(user, $"/cost {locked.Id} 4.00");
        await bot.WaitForBotMessageAsync(user, m => m.Text == $"Cost of item #{locked.Id} set to $4.00; its profit is counted against it.", what: "cost set");
        Assert.Equal((4_00L, PositionCostSource.UserSet), ((await PositionAsync(user, "Trading Locked Crate")).CostCents!.Value, (await PositionAsync(user, "Trading Locked Crate")).CostSource));
        (await bot.DMarket.DeleteAsync($"/_sim/accounts/{account.PublicKey}/inventory/{locked.AssetId}", Ct)).EnsureSuccessStatusCode();
        var beforeSync = await LastMessageIdAsync(user);
        await bot.SendAsync(user, "/inventory");
        var synced = await bot.WaitForBotMessageAsync(user, m => m.MessageId > beforeSync && m.Text.StartsWith("🎒 Your DMarket items: 1", StringComparison.Ordinal), what: "inventory after the withdrawal");
        Assert.DoesNotContain("Trading Locked Crate", synced.Text);
        Assert.NotNull((await PositionAsync(user, "Trading Locked Crate")).GoneAt);

        // Listed once; the same command again changes the price instead of listing twice. Above the title's $30 worth, so
        // no simulated buyer takes it meanwhile (at $25 one did, before the second command, in a CI run).
        await bot.SendAsync(user, $"/sell {id} 35.00");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🏷 Listed Trading Bad Sell Crate at $35.00", StringComparison.Ordinal), what: "listed");
        await bot.SendAsync(user, $"/sell {id} 40.00");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🏷 Trading Bad Sell Crate is now listed at $40.00", StringComparison.Ordinal), what: "repriced");
        await bot.SendAsync(user, $"/delist {id}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Delisted Trading Bad Sell Crate", StringComparison.Ordinal), what: "delisted");
        await bot.SendAsync(user, $"/delist {id}");
        await bot.WaitForBotMessageAsync(user, m => m.Text == "Trading Bad Sell Crate is not listed.", what: "not listed");
    }

    [Fact]
    public async Task ABuyTheBalanceDoesNotCoverIsWarnedOfAndRefusedPlainly()
    {
        var (user, account) = await ConnectAsync(5_00);
        var opportunity = await ListAsync("Trading Short Balance Crate", 12_00);
        var summary = await SummaryAsync(user, opportunity);
        Assert.Contains("Your balance $5.00 does not cover it", summary.Text);
        await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("❌ Not enough balance for Trading Short Balance Crate at $12.00", StringComparison.Ordinal), what: "not enough balance");
        Assert.Empty(await BuysAsync(account));
        await using var db = SchemaTests.NewContext(bot.Database);
        Assert.Equal((BuyStatus.Failed, "NotEnoughBalance"), (await db.Buys.SingleAsync(b => b.UserId == user, Ct)) is var buy ? (buy.Status, buy.FailReason) : default);
        Assert.Equal(OpportunityStatus.Active, (await db.Opportunities.SingleAsync(o => o.Id == opportunity.Id, Ct)).Status);
    }

    [Fact]
    public async Task AListingWhoseAnswerIsLostFailsOrIsLeftByACrashIsNeverListedTwice()
    {
        var (user, account) = await ConnectAsync(100_00);
        var opportunity = await ListAsync("Trading Listing Faults Crate", 10_00, fairPriceCents: 50_00);
        var summary = await SummaryAsync(user, opportunity);
        await bot.PressAsync(user, summary.MessageId, ConfirmData(summary));
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == summary.MessageId && m.Text.StartsWith("✅ Bought", StringComparison.Ordinal), what: "bought");
        var position = await PositionAsync(user, "Trading Listing Faults Crate");
        var keys = DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey);
        async Task<List<DMarketAspire.DMarket.Client.Models.UserOffer>> ListedAsync()
        {
            await using var scope = bot.BotServices.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<DMarketAspire.DMarket.Client.DMarketClient>().ForAccount(keys);
            return await client.GetUserOffersAsync("rust", Ct).Where(o => o.AssetId == position.AssetId).ToListAsync(Ct);
        }

        // The listing took effect and its answer was lost: found among the account's listings, recorded, listed once.
        await SetFaultsAsync(new { path = "/marketplace-api/v2/offers:batchCreate", loseAnswerRate = 1.0 });
        try
        {
            await bot.SendAsync(user, $"/sell {position.Id} 60.00");
            await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🏷 Listed Trading Listing Faults Crate at $60.00", StringComparison.Ordinal), what: "listed despite the lost answer");
        }
        finally
        {
            await bot.DMarket.DeleteAsync("/_sim/faults", Ct);
        }

        Assert.Single(await ListedAsync());
        Assert.Equal(Assert.Single(await ListedAsync()).OfferId, (await PositionAsync(user, "Trading Listing Faults Crate")).OfferId);
        await bot.SendAsync(user, $"/delist {position.Id}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Delisted Trading Listing Faults Crate", StringComparison.Ordinal), what: "delisted");

        // A 503 before it took effect: nothing listed, and the item is free to list again.
        await SetFaultsAsync(new { path = "/marketplace-api/v2/offers:batchCreate", errorRate = 1.0, errorStatus = 503 });
        try
        {
            await bot.SendAsync(user, $"/sell {position.Id} 60.00");
            await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("DMarket did not answer, and your listings do not show Trading Listing Faults Crate", StringComparison.Ordinal), what: "not listed after a 503");
        }
        finally
        {
            await bot.DMarket.DeleteAsync("/_sim/faults", Ct);
        }

        Assert.Empty(await ListedAsync());
        var released = await PositionAsync(user, "Trading Listing Faults Crate");
        Assert.Equal((null, null), (released.OfferId, released.ListedAt));

        // A process killed between claiming the item and recording DMarket's answer leaves the claim, and the listing
        // it sent: the next /sell finds that listing (and reprices it) instead of listing the item a second time.
        await using (var scope = bot.BotServices.CreateAsyncScope())
        {
            var client = scope.ServiceProvider.GetRequiredService<DMarketAspire.DMarket.Client.DMarketClient>().ForAccount(keys);
            Assert.True((await client.CreateOffersAsync([(position.AssetId, 55_00)], Ct)).Single().Successful);
        }

        await using (var db = SchemaTests.NewContext(bot.Database))
        {
            await db.Positions.Where(p => p.Id == position.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ListedAt, DateTimeOffset.UtcNow.AddHours(-1)).SetProperty(p => p.ListPriceCents, 55_00), Ct);
        }

        await bot.SendAsync(user, $"/sell {position.Id} 58.00");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🏷 Trading Listing Faults Crate is now listed at $58.00", StringComparison.Ordinal), what: "the crashed listing found and repriced");
        var listed = Assert.Single(await ListedAsync());
        Assert.Equal(58_00, listed.PriceCents);
    }

    [Fact]
    public async Task TwoSyncsOfTheSameSalesAtOnceRecordEachSaleOnce()
    {
        var (user, account) = await ConnectAsync(1_00);
        (await bot.DMarket.PostAsJsonAsync($"/_sim/accounts/{account.PublicKey}/sold-history", new SimulatorControlApi.SoldHistoryRequest("rust", "Trading History Crate", 250, 7_77), Ct)).EnsureSuccessStatusCode();
        var keys = DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey);

        async Task<int> SyncAsync()
        {
            await using var scope = bot.BotServices.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<DMarketAspire.DMarket.Client.DMarketClient>().ForAccount(keys);
            return await scope.ServiceProvider.GetRequiredService<DMarketAspire.Trading.Selling.TradeBook>().SyncAsync(user, client, Ct);
        }

        var counts = await Task.WhenAll(SyncAsync(), SyncAsync(), SyncAsync());
        await using var db = SchemaTests.NewContext(bot.Database);
        Assert.Equal(250, await db.Trades.CountAsync(t => t.UserId == user, Ct));
        Assert.True(counts.Sum() >= 250, string.Join(",", counts));
        Assert.Equal(0, await SyncAsync());
        // Sales of items never listed here are recorded, not announced.
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == user && n.Kind == NotificationKind.Sale, Ct));
    }

    private async Task<Position> PositionAsync(long user, string title)
    {
        await using var db = SchemaTests.NewContext(bot.Database);
        return await db.Positions.SingleAsync(p => p.UserId == user && p.Title == title, Ct);
    }

    private async Task<int> LastMessageIdAsync(long user) => (await bot.ChatAsync(user))!.Messages.Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    private async Task<(long User, SimulatorControlApi.NewAccount Account)> ConnectAsync(long balanceCents)
    {
        var user = Interlocked.Increment(ref _nextUser);
        var account = await bot.NewAccountAsync(balanceCents);
        await bot.SendAsync(user, "/start");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Hi", StringComparison.Ordinal));
        await bot.SendAsync(user, $"/keys {account.PublicKey} {account.SecretKey}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");
        return (user, account);
    }

    /// <summary>A listing at the simulator and the opportunity the Scanner would have recorded for it.</summary>
    private async Task<Opportunity> ListAsync(string title, long priceCents, long? fairPriceCents = null)
    {
        var response = await bot.DMarket.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest("rust", title, priceCents, FairPriceCents: fairPriceCents ?? priceCents * 2, BypassBuyOrders: true), Ct);
        response.EnsureSuccessStatusCode();
        var planted = (await response.Content.ReadFromJsonAsync<SimulatorControlApi.PlantedOffer>(Ct))!;
        return (await BotSeed.PlantAsync(bot.Database, null, new BotSeed.Planted("rust", "standard", title, priceCents, 40m, OfferId: planted.OfferId))).Single();
    }

    private async Task<ChatMessageView> SummaryAsync(long user, Opportunity opportunity)
    {
        await bot.SendAsync(user, $"/buy {opportunity.OfferId}");
        return await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🛒 Buy " + opportunity.Title + " ", StringComparison.Ordinal), what: "summary");
    }

    private static string ConfirmData(ChatMessageView summary) => summary.Buttons.SelectMany(r => r).Single(b => b.Text.StartsWith("✅ Buy for", StringComparison.Ordinal)).CallbackData!;

    private async Task SetFaultsAsync(object faults) => (await bot.DMarket.PostAsJsonAsync("/_sim/faults", faults, Ct)).EnsureSuccessStatusCode();

    private async Task<IReadOnlyList<BuyRecord>> BuysAsync(SimulatorControlApi.NewAccount account) =>
        (await bot.DMarket.GetFromJsonAsync<List<BuyRecord>>($"/_sim/accounts/{account.PublicKey}/buys", Ct))!;

    private async Task<SimulatorControlApi.AccountState> AccountAsync(SimulatorControlApi.NewAccount account) =>
        (await bot.DMarket.GetFromJsonAsync<SimulatorControlApi.AccountState>($"/_sim/accounts/{account.PublicKey}", Ct))!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100, Ct);
        }
    }
}
