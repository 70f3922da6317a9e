using System.Net.Http.Json;
using DMarketAspire.Data.Domain;
using DMarketAspire.DMarketSimulator.Apis;
using DMarketAspire.DMarketSimulator.Market;
using DMarketAspire.IntegrationTests.DMarket;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.Trading.Autopilots;
using DMarketAspire.Trading.Buying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// The autopilot through the Telegram simulator against the DMarket simulator: set from the chat, acting on
/// opportunities as they are recorded. Paper fills only listings still on the market and sells only on a market sale at
/// or above its ask; live buys never cross the day's spend or the open positions, even with replicas acting at once;
/// two users racing for one listing produce one buy; failures in a row pause it and the user is told.
/// </summary>
public sealed class AutopilotTests(BotAccountTests.Fixture bot) : IClassFixture<BotAccountTests.Fixture>
{
    private const string BuyPath = "/exchange/v1/offers-buy";
    private static long _nextUser = 7600;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PaperModeFillsOnlyListingsStillThereAndSellsOnlyWhenTheMarketShowsASaleAtTheAsk()
    {
        var (user, _) = await ConnectAsync(100_00);
        // No report until the end of the test, whatever the hour it runs at.
        await AutopilotAsync(user, "/autopilot set report off", "🤖 Autopilot: off");
        var status = await AutopilotAsync(user, "/autopilot on", "🤖 Autopilot: on");
        Assert.Contains("paper mode: no money moves", status.Text);
        try
        {
            // A listing still there fills on paper; the user is told, no money moves.
            var kept = await ListAsync("Autopilot Paper Kept Crate", 10_00);
            var told = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🧪 Paper: bought Autopilot Paper Kept Crate for $10.00", StringComparison.Ordinal), what: "paper buy");
            Assert.Contains("No money moved", told.Text);

            // A listing bought by someone else before the autopilot's read does not fill.
            var gone = await ListAsync("Autopilot Paper Gone Crate", 11_00, removeFirst: true);
            var failed = await WaitForDecisionAsync(user, gone.OfferId, d => d.Outcome != AutopilotOutcome.Pending);
            Assert.Equal((AutopilotOutcome.Failed, AutopilotReasons.AlreadySold), (failed.Outcome, failed.Reason));

            await using var db = SchemaTests.NewContext(bot.Database);
            var paper = await db.PaperPositions.SingleAsync(p => p.UserId == user, Ct);
            Assert.Equal((kept.OfferId, 10_00L, kept.ResaleCents), (paper.OfferId, paper.CostCents, paper.ListPriceCents!.Value));

            // The market shows a sale under the ask: nothing sells; then one at the ask: it sells, at the ask, less the fee.
            await SellAtSimulatorAsync("Autopilot Paper Kept Crate", kept.ResaleCents - 1);
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            Assert.Null((await db.PaperPositions.AsNoTracking().SingleAsync(p => p.Id == paper.Id, Ct)).SoldAt);
            var saleAt = await SellAtSimulatorAsync("Autopilot Paper Kept Crate", kept.ResaleCents + 5);
            var sold = await WaitUntilAsync(async () => await db.PaperPositions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paper.Id && p.SoldAt != null, Ct), "the paper sale");
            Assert.Equal(kept.ResaleCents, sold.SoldPriceCents);
            Assert.InRange(sold.SoldAt!.Value, saleAt.AddSeconds(-2), saleAt.AddSeconds(2));
            Assert.True(sold.FeeCents > 0);
            Assert.Equal(kept.ResaleCents - sold.FeeCents - 10_00, sold.ProfitCents);

            // The paper P&L the chat shows is the one recorded; the real account is untouched.
            var after = await AutopilotAsync(user, "/autopilot", "🤖 Autopilot: on");
            Assert.Contains($"Paper: 1 bought, 1 sold, 0 held · realized ${Dollars(sold.ProfitCents!.Value)}", after.Text);
            Assert.Empty(await db.Buys.Where(b => b.UserId == user).ToListAsync(Ct));

            // The daily report at the user's hour (now, in their UTC day): once, a chart with the day's figures under it.
            await AutopilotAsync(user, $"/autopilot set report {DateTimeOffset.UtcNow.Hour}", "🤖 Autopilot: on");
            var report = await bot.WaitForBotMessageAsync(user, m => m.Photo && m.Text.StartsWith("📊 Autopilot, the last 24 hours (paper)", StringComparison.Ordinal), what: "daily report");
            Assert.Contains($"Bought 1 for $10.00 · sold 1, realized +${Dollars(sold.ProfitCents!.Value)} · holding 0", report.Text);
            Assert.Contains($"Best trade: Autopilot Paper Kept Crate +${Dollars(sold.ProfitCents!.Value)}", report.Text);
            Assert.Contains("bought 1", report.Text);
            Assert.Contains("failed: already_sold 1", report.Text);
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            Assert.Single((await bot.ChatAsync(user))!.Messages, m => m.Photo && m.Text.StartsWith("📊", StringComparison.Ordinal));
        }
        finally
        {
            await OffAsync(user);
        }
    }

    [Fact]
    public async Task LiveBuysStopAtTheDailySpendAndTheOpenPositionsAndAreToldOnce()
    {
        var (user, account) = await ConnectAsync(500_00);
        await GoLiveAsync(user, "daily 25", "positions 2", "share 100");
        try
        {
            // Five listings of $9.00 at once: the day's $25 allows two, and so do the two open positions.
            var listed = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => ListAsync($"Autopilot Limit Crate {i}", 9_00)));
            await WaitUntilAsync(async () => (await DecisionsAsync(user)).Count(d => d.Outcome != AutopilotOutcome.Pending && d.Outcome != AutopilotOutcome.Sent) == 5 ? true : (bool?)null, "five decisions");
            var buys = await BuysAsync(account);
            Assert.Equal(2, buys.Count);
            Assert.True(buys.Sum(b => b.PriceCents) <= 25_00);
            var decisions = await DecisionsAsync(user);
            Assert.Equal(2, decisions.Count(d => d.Outcome == AutopilotOutcome.Bought));
            Assert.Equal(3, decisions.Count(d => d.Outcome == AutopilotOutcome.Skipped && d.Reason is AutopilotReasons.DailySpend or AutopilotReasons.OpenPositions));

            // Told once each (what piles up for a chat goes as one message).
            async Task<int> ToldAsync() => (await bot.ChatAsync(user))!.Messages.Sum(m => m.Text.Split("🤖 Autopilot bought").Length - 1);
            await WaitUntilAsync(async () => await ToldAsync() >= 2 ? true : (bool?)null, "two buys told");
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            Assert.Equal(2, await ToldAsync());
        }
        finally
        {
            await OffAsync(user);
        }
    }

    [Fact]
    public async Task ReplicasActingAtOnceNeverCrossTheDailySpend()
    {
        var (user, account) = await ConnectAsync(500_00);
        // Its rules want CS2 only, so the Rust listings below get only the decisions this test makes.
        await GoLiveAsync(user, "daily 30", "positions 50", "share 100", "games a8db");
        try
        {
            // Twelve decisions of $7.00, acted on at once by two "replicas" (scopes of their own) in opposite orders, and by
            // the bot's own autopilot service.
            var listed = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => ListAsync($"Autopilot Replica Crate {i}", 7_00)));
            await using (var db = SchemaTests.NewContext(bot.Database))
            {
                db.AutopilotDecisions.AddRange(listed.Select(o => new AutopilotDecision
                {
                    UserId = user,
                    OpportunityId = o.Id,
                    OfferId = o.OfferId,
                    GameId = o.GameId,
                    Title = o.Title,
                    PriceCents = o.BuyPriceCents,
                    ResaleCents = o.ResaleCents,
                    Mode = AutopilotMode.Live,
                    Outcome = AutopilotOutcome.Pending,
                    CreatedAt = DateTimeOffset.UtcNow,
                }));
                await db.SaveChangesAsync(Ct);
            }

            var decisions = await DecisionsAsync(user);
            Assert.Equal(12, decisions.Count);
            await Task.WhenAll(ActAsync(decisions), ActAsync([.. Enumerable.Reverse(decisions)]));
            await WaitUntilAsync(async () => (await DecisionsAsync(user)).All(d => d.Outcome is not AutopilotOutcome.Pending and not AutopilotOutcome.Sent) ? true : (bool?)null, "every decision settled");
            var buys = await BuysAsync(account);
            Assert.True(buys.Count == 4, await DumpAsync());
            Assert.True(buys.Sum(b => b.PriceCents) <= 30_00);
            var settled = await DecisionsAsync(user);
            Assert.True(settled.Count(d => d.Outcome == AutopilotOutcome.Bought) == 4, await DumpAsync());
            Assert.Equal(8, settled.Count(d => d.Outcome == AutopilotOutcome.Skipped && d.Reason == AutopilotReasons.DailySpend));
        }
        finally
        {
            await OffAsync(user);
        }

        async Task ActAsync(IReadOnlyList<AutopilotDecision> decisions)
        {
            await using var scope = bot.BotServices.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<AutopilotDesk>();
            var dmarket = scope.ServiceProvider.GetRequiredService<DMarketAspire.DMarket.Client.DMarketClient>();
            var keys = DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey);
            foreach (var decision in decisions)
            {
                await desk.ActAsync(decision, (_, _) => Task.FromResult<DMarketAspire.DMarket.Client.DMarketClient?>(dmarket.ForAccount(keys)), Ct);
            }
        }
    }

    [Fact]
    public async Task TwoUsersRacingForOneListingProduceOneBuyAndTheOtherIsTold()
    {
        var (first, firstAccount) = await ConnectAsync(100_00);
        var (second, secondAccount) = await ConnectAsync(100_00);
        await GoLiveAsync(first);
        await GoLiveAsync(second);
        try
        {
            var listing = await ListAsync("Autopilot Race Crate", 8_00);
            await WaitUntilAsync(async () => (await DecisionsAsync(first)).Concat(await DecisionsAsync(second)).Count(d => d.OfferId == listing.OfferId && d.Outcome is not AutopilotOutcome.Pending and not AutopilotOutcome.Sent) == 2 ? true : (bool?)null, "both decisions");
            Assert.Equal(1, (await BuysAsync(firstAccount)).Count + (await BuysAsync(secondAccount)).Count);
            var outcomes = (await DecisionsAsync(first)).Concat(await DecisionsAsync(second)).Where(d => d.OfferId == listing.OfferId).Select(d => d.Outcome).Order().ToList();
            Assert.Equal([AutopilotOutcome.Bought, AutopilotOutcome.Lost], outcomes);
            var loser = (await DecisionsAsync(first)).Any(d => d.Outcome == AutopilotOutcome.Lost) ? first : second;
            await bot.WaitForBotMessageAsync(loser, m => m.Text.StartsWith("🤖 Autopilot Race Crate at $8.00 went to another user's autopilot first", StringComparison.Ordinal), what: "lost");
        }
        finally
        {
            await OffAsync(first);
            await OffAsync(second);
        }
    }

    [Fact]
    public async Task FailedBuysInARowPauseItAndTheUserIsToldOnce()
    {
        var (user, account) = await ConnectAsync(100_00);
        await GoLiveAsync(user, "failures 2");
        await SetFaultsAsync(new { path = BuyPath, errorRate = 1.0, errorStatus = 400 });
        try
        {
            await ListAsync("Autopilot Refused Crate 1", 5_00);
            await WaitUntilAsync(async () => (await DecisionsAsync(user)).Any(d => d.Outcome == AutopilotOutcome.Failed) ? true : (bool?)null, "the first failure");
            await ListAsync("Autopilot Refused Crate 2", 5_00);
            await WaitUntilAsync(async () => (await bot.ChatAsync(user))!.Messages.Any(m => m.Text.Contains("⏸ Your autopilot paused itself: several buys in a row failed", StringComparison.Ordinal)) ? true : (bool?)null, "paused");
            await bot.DMarket.DeleteAsync("/_sim/faults", Ct);

            // Paused: a third listing is skipped, not tried, and the pause is told once.
            var third = await ListAsync("Autopilot Refused Crate 3", 5_00);
            var skipped = await WaitForDecisionAsync(user, third.OfferId, d => d.Outcome != AutopilotOutcome.Pending);
            Assert.Equal((AutopilotOutcome.Skipped, AutopilotReasons.Paused), (skipped.Outcome, skipped.Reason));
            Assert.Empty(await BuysAsync(account));
            Assert.Equal(1, (await bot.ChatAsync(user))!.Messages.Sum(m => m.Text.Split("⏸ Your autopilot paused itself").Length - 1));
            Assert.Equal(2, (await bot.ChatAsync(user))!.Messages.Sum(m => m.Text.Split("🤖 Autopilot could not buy Autopilot Refused Crate").Length - 1));
            var status = await AutopilotAsync(user, "/autopilot", "⏸ Autopilot: paused");
            Assert.Contains("several buys in a row failed", status.Text);

            // Resuming starts the count afresh: the next listing is bought.
            await AutopilotAsync(user, "/autopilot resume", "🤖 Autopilot: on");
            var fourth = await ListAsync("Autopilot Refused Crate 4", 5_00);
            Assert.Equal(AutopilotOutcome.Bought, (await WaitForDecisionAsync(user, fourth.OfferId, d => d.Outcome is not AutopilotOutcome.Pending and not AutopilotOutcome.Sent)).Outcome);
        }
        finally
        {
            await bot.DMarket.DeleteAsync("/_sim/faults", Ct);
            await OffAsync(user);
        }
    }

    [Fact]
    public async Task PanicStopsItCancelsOnlyThisAppsBuyOrdersThenTakesListingsDownOrSellsAtTheBestBuyOrder()
    {
        var (user, account) = await ConnectAsync(200_00);
        await GoLiveAsync(user, "after hold", "share 100");
        var keys = DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey);
        using var client = DMarketClientHost.Create(bot.DMarketAddress, keys);
        try
        {
            // The autopilot buys two items and holds them.
            var first = await ListAsync("Autopilot Panic Crate A", 6_00);
            var second = await ListAsync("Autopilot Panic Crate B", 7_00);
            await WaitForDecisionAsync(user, first.OfferId, d => d.Outcome == AutopilotOutcome.Bought);
            await WaitForDecisionAsync(user, second.OfferId, d => d.Outcome == AutopilotOutcome.Bought);
            await using var db = SchemaTests.NewContext(bot.Database);
            var positionA = await db.Positions.AsNoTracking().SingleAsync(p => p.UserId == user && p.Title == "Autopilot Panic Crate A", Ct);

            // One listed by hand far above what buyers pay; a buy order through the bot and one made elsewhere; another
            // trader's buy order on the second item's title.
            await bot.SendAsync(user, $"/sell {positionA.Id} 90.00");
            await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🏷 Listed Autopilot Panic Crate A at $90.00", StringComparison.Ordinal), what: "listed");
            // A title over the autopilot's max price, so it is not bought, with a listing to bid under.
            const string title = "Autopilot Panic Target Crate";
            (await bot.DMarket.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest("rust", title, 30_00, FairPriceCents: 30_00, BypassBuyOrders: true), Ct)).EnsureSuccessStatusCode();
            await BotSeed.PlantAsync(bot.Database, null, new BotSeed.Planted("rust", "standard", title, 30_00, 40m));
            const long price = 25_00;
            await bot.SendAsync(user, $"/target {title} {Dollars(price)}");
            await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🎯 Buy order placed", StringComparison.Ordinal), what: "placed");
            var outside = (await client.Client.CreateTargetsAsync("rust", [new DMarketAspire.DMarket.Client.Models.NewTarget(title, Math.Max(1, price - 1))], Ct)).Single();
            var buyer = await bot.NewAccountAsync(100_00);
            using var buyerClient = DMarketClientHost.Create(bot.DMarketAddress, DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(buyer.PublicKey, buyer.SecretKey));
            Assert.True((await buyerClient.Client.CreateTargetsAsync("rust", [new DMarketAspire.DMarket.Client.Models.NewTarget("Autopilot Panic Crate B", 6_50)], Ct)).Single().Successful);

            // /panic delist: stopped, only this app's buy order gone, this app's listing down.
            await bot.SendAsync(user, "/panic delist");
            var delisted = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🛑 Autopilot stopped.", StringComparison.Ordinal), what: "panic delist");
            Assert.Contains("Buy orders this app placed: 1 cancelled; any made elsewhere were left alone.", delisted.Text);
            Assert.Contains("Listings taken down: 1.", delisted.Text);
            Assert.False((await db.Autopilots.AsNoTracking().SingleAsync(a => a.UserId == user, Ct)).Enabled);
            Assert.Equal([outside.TargetId], (await client.Client.GetUserTargetsAsync("rust", cancellationToken: Ct).ToListAsync(Ct)).Select(t => t.TargetId));
            Assert.Empty(await client.Client.GetUserOffersAsync("rust", Ct).ToListAsync(Ct));

            // /panic sell: what the autopilot bought goes at the best buy order where there is one, and the order fills.
            var balance = (await AccountAsync(account)).BalanceCents;
            var bidA = (await client.Client.GetAggregatedPricesAsync("rust", ["Autopilot Panic Crate A"], Ct)).SingleOrDefault()?.BestBuyOrderCents;
            await bot.SendAsync(user, "/panic sell");
            var sold = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🛑 Autopilot stopped.", StringComparison.Ordinal) && m.Text.Contains("Offered", StringComparison.Ordinal), what: "panic sell");
            Assert.True(sold.Text.Contains("Offered at the best buy order: ", StringComparison.Ordinal) && sold.Text.Contains("Autopilot Panic Crate B $6.50", StringComparison.Ordinal), sold.Text);
            Assert.True(
                bidA is { } a ? sold.Text.Contains($"Autopilot Panic Crate A ${Dollars(a)}", StringComparison.Ordinal) : sold.Text.Contains("Not done: Autopilot Panic Crate A (no buy order).", StringComparison.Ordinal),
                $"best bid of A {bidA}: {sold.Text}");
            Assert.True((await AccountAsync(account)).BalanceCents > balance);
            Assert.Equal(1, (await AccountAsync(buyer)).InventoryCount);
            Assert.Equal([outside.TargetId], (await client.Client.GetUserTargetsAsync("rust", cancellationToken: Ct).ToListAsync(Ct)).Select(t => t.TargetId));
        }
        finally
        {
            await OffAsync(user);
        }
    }

    [Fact]
    public async Task ALiveBuyWhoseAnswerWasLostIsReconciledNeverResentAndTheItemIsListedAtTheResaleEstimate()
    {
        var (user, account) = await ConnectAsync(100_00);
        await GoLiveAsync(user, "share 100");
        await SetFaultsAsync(new { path = BuyPath, loseAnswerRate = 1.0 });
        try
        {
            var listing = await ListAsync("Autopilot Lost Answer Crate", 6_00);
            // Sent, its answer lost: left to the reconciler.
            await WaitForDecisionAsync(user, listing.OfferId, d => d.Outcome == AutopilotOutcome.Sent && d.Reason == BuyDesk.NotAnswered);
            await bot.DMarket.DeleteAsync("/_sim/faults", Ct);

            // The reconciler finds the item in the inventory; the decision follows; nothing was sent again.
            var bought = await WaitForDecisionAsync(user, listing.OfferId, d => d.Outcome == AutopilotOutcome.Bought);
            await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("The buy of Autopilot Lost Answer Crate for $6.00 went through", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "reconciled");
            Assert.Single(await BuysAsync(account));

            // After the buy, by the rule: listed at the resale estimate the Scanner priced it by, once.
            var listed = await WaitForDecisionAsync(user, listing.OfferId, d => d.ListTriedAt is not null);
            await using var db = SchemaTests.NewContext(bot.Database);
            var position = await db.Positions.AsNoTracking().SingleAsync(p => p.UserId == user && p.BuyId == bought.BuyId, Ct);
            Assert.Equal(listed.ResaleCents, position.ListPriceCents);
            Assert.Single(await BuysAsync(account));
        }
        finally
        {
            await bot.DMarket.DeleteAsync("/_sim/faults", CancellationToken.None);
            await OffAsync(user);
        }
    }

    [Fact]
    public async Task ASettledBuyIsLeftToTheDeskStillSettlingItAndAnAbandonedOneIsToldOnce()
    {
        // Three live decisions still Sent whose buys DMarket settled as bought: one the desk is settling right now, one
        // whose desk stopped long ago (a crash between the buy and its outcome), one whose answer was lost and that the
        // reconciler settled and told.
        var (user, _) = await ConnectAsync(10_00);
        var now = DateTimeOffset.UtcNow;
        await using var db = SchemaTests.NewContext(bot.Database);
        var settling = await SentAsync("Autopilot Settling Crate", decidedAt: now, reason: null);
        var abandoned = await SentAsync("Autopilot Abandoned Crate", decidedAt: now.AddHours(-1), reason: null);
        var reconciled = await SentAsync("Autopilot Reconciled Crate", decidedAt: now, reason: BuyDesk.NotAnswered, told: true);

        await using (var scope = bot.BotServices.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AutopilotDesk>().FollowReconciledAsync(Ct);
        }

        var decisions = (await DecisionsAsync(user)).ToDictionary(d => d.Id);
        Assert.Equal(AutopilotOutcome.Sent, decisions[settling.Id].Outcome);
        Assert.Equal(AutopilotOutcome.Bought, decisions[abandoned.Id].Outcome);
        Assert.Equal(AutopilotOutcome.Bought, decisions[reconciled.Id].Outcome);
        var told = await db.Notifications.AsNoTracking().Where(n => n.UserId == user && n.Kind == NotificationKind.Autopilot).Select(n => n.DecisionId).ToListAsync(Ct);
        Assert.Equal([abandoned.Id], told);
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🤖 Autopilot bought Autopilot Abandoned Crate for $5.00", StringComparison.Ordinal), what: "the abandoned buy told");

        // The bot's own autopilot loop follows reconciled buys meanwhile: a told buy's notification is written with its
        // decision, as the reconciler writes it with the settled buy (written after it, the loop once told it again: CI).
        async Task<AutopilotDecision> SentAsync(string title, DateTimeOffset decidedAt, string? reason, bool told = false)
        {
            var offerId = Guid.NewGuid().ToString();
            var buy = new Buy { UserId = user, OfferId = offerId, GameId = "rust", Title = title, PriceCents = 5_00, ResaleCents = 8_00, Status = BuyStatus.Bought, Channel = AutopilotLedger.Channel, CreatedAt = decidedAt, SentAt = decidedAt, SettledAt = decidedAt };
            db.Buys.Add(buy);
            await db.SaveChangesAsync(Ct);
            var decision = new AutopilotDecision
            {
                UserId = user, OfferId = offerId, GameId = "rust", Title = title, PriceCents = 5_00, ResaleCents = 8_00, Mode = AutopilotMode.Live,
                Outcome = AutopilotOutcome.Sent, Reason = reason, Claimed = true, BuyId = buy.Id, CreatedAt = decidedAt, DecidedAt = decidedAt,
            };
            db.AutopilotDecisions.Add(decision);
            if (told)
            {
                db.Notifications.Add(new Notification { UserId = user, Kind = NotificationKind.Buy, BuyId = buy.Id, GameId = "rust", Title = title, Status = NotificationStatus.Sent, NextAttemptAt = decidedAt, CreatedAt = decidedAt });
            }

            await db.SaveChangesAsync(Ct);
            return decision;
        }
    }

    [Fact]
    public async Task BadSettingsGetAClearAnswerAndChangeNothing()
    {
        var (user, _) = await ConnectAsync(10_00);
        await bot.SendAsync(user, "/autopilot set daily lots");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("daily was not changed", StringComparison.Ordinal), what: "bad dollars");
        await bot.SendAsync(user, "/autopilot set games csgo");
        var games = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("games was not changed", StringComparison.Ordinal), what: "bad game");
        Assert.Contains("a8db", games.Text);
        await bot.SendAsync(user, "/autopilot set share 150");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("share was not changed", StringComparison.Ordinal), what: "bad share");
        await bot.SendAsync(user, "/autopilot fly");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Usage: /autopilot", StringComparison.Ordinal), what: "usage");
        var status = await AutopilotAsync(user, "/autopilot set daily 12.50", "🤖 Autopilot: off");
        Assert.Contains("$0.00 of $12.50 spent today", status.Text);
        await using var db = SchemaTests.NewContext(bot.Database);
        var autopilot = await db.Autopilots.SingleAsync(a => a.UserId == user, Ct);
        Assert.Equal((12_50L, AutopilotDefaults.MaxOpenPositions, AutopilotMode.Paper, false), (autopilot.DailySpendCents, autopilot.MaxOpenPositions, autopilot.Mode, autopilot.Enabled));
    }

    private async Task<DMarketAspire.TelegramSimulator.Control.ChatMessageView> AutopilotAsync(long user, string command, string startsWith)
    {
        var before = await LastMessageIdAsync(user);
        await bot.SendAsync(user, command);
        return await bot.WaitForBotMessageAsync(user, m => m.MessageId > before && m.Text.StartsWith(startsWith, StringComparison.Ordinal), what: command);
    }

    /// <summary>On, live after the confirmation, with rules that take the planted listings.</summary>
    private async Task GoLiveAsync(long user, params string[] settings)
    {
        foreach (var setting in settings)
        {
            await AutopilotAsync(user, "/autopilot set " + setting, "🤖 Autopilot:");
        }

        await AutopilotAsync(user, "/autopilot on", "🤖 Autopilot: on");
        var ask = await AutopilotAsync(user, "/autopilot live", "💵 Switch to live?");
        var confirm = ask.Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Yes, go live").CallbackData!;
        await bot.PressAsync(user, ask.MessageId, confirm);
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == ask.MessageId && m.Text.StartsWith("🤖 Autopilot: on · 💵 live", StringComparison.Ordinal), what: "live");
    }

    private async Task OffAsync(long user)
    {
        await using var db = SchemaTests.NewContext(bot.Database);
        await db.Autopilots.Where(a => a.UserId == user).ExecuteUpdateAsync(u => u.SetProperty(a => a.Enabled, false), CancellationToken.None);
    }

    private async Task<List<AutopilotDecision>> DecisionsAsync(long user)
    {
        await using var db = SchemaTests.NewContext(bot.Database);
        return await db.AutopilotDecisions.AsNoTracking().Where(d => d.UserId == user).OrderBy(d => d.Id).ToListAsync(Ct);
    }

    private async Task<AutopilotDecision> WaitForDecisionAsync(long user, string offerId, Func<AutopilotDecision, bool> done) =>
        await WaitUntilAsync(async () => (await DecisionsAsync(user)).SingleOrDefault(d => d.OfferId == offerId && done(d)), $"the decision on {offerId}");

    private async Task<int> LastMessageIdAsync(long user) => (await bot.ChatAsync(user))?.Messages.Select(m => m.MessageId).DefaultIfEmpty(0).Max() ?? 0;

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

    /// <summary>A listing at the simulator and the opportunity the Scanner records for it (after someone else bought it, if asked).</summary>
    private async Task<Opportunity> ListAsync(string title, long priceCents, bool removeFirst = false)
    {
        var response = await bot.DMarket.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest("rust", title, priceCents, FairPriceCents: priceCents * 2, BypassBuyOrders: true), Ct);
        response.EnsureSuccessStatusCode();
        var planted = (await response.Content.ReadFromJsonAsync<SimulatorControlApi.PlantedOffer>(Ct))!;
        if (removeFirst)
        {
            (await bot.DMarket.DeleteAsync($"/_sim/offers/{planted.OfferId}", Ct)).EnsureSuccessStatusCode();
        }

        return (await BotSeed.PlantAsync(bot.Database, bot.Redis, new BotSeed.Planted("rust", "standard", title, priceCents, 40m, OfferId: planted.OfferId))).Single();
    }

    /// <summary>Someone else lists the title at a price and someone buys it: a sale in the market's history. Returns when.</summary>
    private async Task<DateTimeOffset> SellAtSimulatorAsync(string title, long priceCents)
    {
        var response = await bot.DMarket.PostAsJsonAsync("/_sim/offers", new PlantOfferRequest("rust", title, priceCents, FairPriceCents: priceCents, BypassBuyOrders: true), Ct);
        var planted = (await response.Content.ReadFromJsonAsync<SimulatorControlApi.PlantedOffer>(Ct))!;
        var at = DateTimeOffset.UtcNow;
        (await bot.DMarket.DeleteAsync($"/_sim/offers/{planted.OfferId}", Ct)).EnsureSuccessStatusCode();
        return at;
    }

    private async Task SetFaultsAsync(object faults) => (await bot.DMarket.PostAsJsonAsync("/_sim/faults", faults, Ct)).EnsureSuccessStatusCode();

    private async Task<IReadOnlyList<BuyRecord>> BuysAsync(SimulatorControlApi.NewAccount account) =>
        (await bot.DMarket.GetFromJsonAsync<List<BuyRecord>>($"/_sim/accounts/{account.PublicKey}/buys", Ct))!;

    private async Task<SimulatorControlApi.AccountState> AccountAsync(SimulatorControlApi.NewAccount account) =>
        (await bot.DMarket.GetFromJsonAsync<SimulatorControlApi.AccountState>($"/_sim/accounts/{account.PublicKey}", Ct))!;

    private static string Dollars(long cents) => DMarketAspire.DMarket.Client.Money.DollarString(cents);

    private async Task<string> DumpAsync()
    {
        await using var db = SchemaTests.NewContext(bot.Database);
        var rows = await db.AutopilotDecisions.AsNoTracking().OrderBy(d => d.Id).ToListAsync(CancellationToken.None);
        var buys = await db.Buys.AsNoTracking().OrderBy(b => b.Id).ToListAsync(CancellationToken.None);
        return string.Join("\n", rows.Select(d => $"d{d.Id} u{d.UserId} {d.Title} {d.Mode} {d.Outcome} {d.Reason} buy {d.BuyId} claimed {d.Claimed}"))
            + "\n" + string.Join("\n", buys.Select(b => $"b{b.Id} u{b.UserId} {b.Title} {b.Status} {b.FailReason} {b.Channel}"))
            + "\n" + string.Join("\n", (await db.Autopilots.AsNoTracking().ToListAsync(CancellationToken.None)).Select(a => $"a u{a.UserId} {a.Enabled} {a.Mode} paused {a.PausedAt:o} {a.PausedReason} resumed {a.ResumedAt:o} failures {a.PauseAfterFailures}"))
            + "\n" + string.Join("\n", (await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.Autopilot || n.Kind == NotificationKind.AutopilotPaused).ToListAsync(CancellationToken.None)).Select(n => $"n u{n.UserId} {n.Kind} {n.Status} {n.Error}"))
            + "\n" + string.Join("\n", buys.Select(b => $"b{b.Id} created {b.CreatedAt:o}"))
            + "\n" + string.Join("\n", bot.Log.All.Where(l => !l.Contains("DbCommand", StringComparison.Ordinal)).TakeLast(30));
    }

    private async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.\n{await DumpAsync()}");
            await Task.Delay(100, Ct);
        }
    }
}
