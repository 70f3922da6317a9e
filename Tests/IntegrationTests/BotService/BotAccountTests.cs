using DMarketAspire.Trading.Accounts;
using System.Diagnostics;
using System.Net.Http.Json;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.DMarketSimulator.Apis;
using DMarketAspire.DMarketSimulator.Extensions;
using DMarketAspire.IntegrationTests.DMarket;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Users connecting their own DMarket keys through the Telegram simulator, checked against the DMarket simulator:
/// the secret leaves the chat, is stored only as Data Protection ciphertext, survives key-ring rotation and restarts,
/// and never appears in a log line or a span.
/// </summary>
public sealed class BotAccountTests(BotAccountTests.Fixture bot) : IClassFixture<BotAccountTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure)
    {
        private TestWebServer? _dmarket;

        public InfrastructureFixture Infrastructure { get; } = infrastructure;

        public HttpClient DMarket { get; private set; } = null!;

        protected override (string Key, string Value)[] BotSettings => [("DMarket:BaseUrl", _dmarket!.BaseAddress.ToString()), ("Accounts:TargetPollInterval", "00:00:00.500"), ("Alerts:PollInterval", "00:00:00.200"), ("Trading:SaleWatchInterval", "00:00:00.500"), ("Bot:FloodMaxUpdates", "40"), ("Autopilot:PollInterval", "00:00:00.200"), ("Autopilot:AfterBuyInterval", "00:00:00.500")];

        public Uri DMarketAddress => _dmarket!.BaseAddress;

        public override async ValueTask InitializeAsync()
        {
            _dmarket = await TestWebServer.StartAsync(
                app => app.MapDMarketSimulator(),
                builder =>
                {
                    builder.Configuration["Simulator:OffersPerGame"] = "200";
                    builder.Configuration["Simulator:Dynamics"] = "false";
                    builder.Configuration["Simulator:BuyerDelay"] = "00:00:02";
                    builder.AddServiceDefaults();
                    builder.AddDMarketSimulator();
                });
            DMarket = _dmarket.CreateClient();
            await base.InitializeAsync();
        }

        public async Task<SimulatorControlApi.NewAccount> NewAccountAsync(long balanceCents)
        {
            var response = await DMarket.PostAsJsonAsync("/_sim/accounts", new SimulatorControlApi.NewAccountRequest("trader", balanceCents), Ct);
            return (await response.Content.ReadFromJsonAsync<SimulatorControlApi.NewAccount>(Ct))!;
        }

        public async Task<long> DMarketRequestsAsync() =>
            (await DMarket.GetFromJsonAsync<SimulatorControlApi.SimulatorStats>("/_sim/stats", Ct))!.Groups.Sum(g => g.Accepted + g.Rejected);

        /// <summary>A Rust title with listings (so a best ask), known to the bot's database as the scanner would have it.</summary>
        public async Task<(string Title, long BestAsk, long? BestBid)> TitleWithListingsAsync()
        {
            var catalogue = (await DMarket.GetFromJsonAsync<List<SimulatorControlApi.CatalogEntry>>("/_sim/catalogue/rust", Ct))!;
            var entry = catalogue.Where(c => c.FairPriceCents is > 500 and < 5000).OrderBy(c => c.Title, StringComparer.Ordinal).First();
            using var client = DMarketClientHost.Create(DMarketAddress);
            var ask = (await client.Client.GetAggregatedPricesAsync("rust", [entry.Title], Ct)).Single().BestOfferCents!.Value;
            await using var db = SchemaTests.NewContext(Database);
            if (!await db.Items.AnyAsync(i => i.GameId == "rust" && i.Title == entry.Title, Ct))
            {
                db.Items.Add(new DMarketAspire.Data.Domain.Item { GameId = "rust", Title = entry.Title, FirstSeenAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync(Ct);
            }

            return (entry.Title, ask, entry.BestBuyOrderCents);
        }

        /// <summary>The Api key the bot's <c>/apikey</c> issues to the user, read from its reply.</summary>
        public async Task<string> IssueApiKeyAsync(long user)
        {
            var before = (await ChatAsync(user))?.Messages.Select(m => m.MessageId).DefaultIfEmpty(0).Max() ?? 0;
            await SendAsync(user, "/apikey");
            var issued = await WaitForBotMessageAsync(user, m => m.MessageId > before && m.Text.StartsWith("🔑 Your Api key", StringComparison.Ordinal), what: "api key");
            return System.Text.RegularExpressions.Regex.Match(issued.Text, "dma_[A-Za-z0-9_-]{43}").Value;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            DMarket?.Dispose();
            if (_dmarket is not null)
            {
                await _dmarket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task KeysAreCheckedStoredEncryptedShownMaskedAndNeverLoggedOrTraced()
    {
        var spans = new List<string>();
        using var listener = RecordSpans(spans);
        var account = await bot.NewAccountAsync(123_456);
        const long user = 5001;
        await bot.SendAsync(user, "/start");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Hi", StringComparison.Ordinal));

        var sent = await bot.SendAsync(user, $"/keys {account.PublicKey} {account.SecretKey}");
        var connected = await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");
        Assert.Contains("$1234.56", connected.Text);
        Assert.Contains(AccountStore.Mask(account.PublicKey), connected.Text);
        Assert.Contains("I deleted your message", connected.Text);
        var chat = (await bot.ChatAsync(user))!;
        Assert.DoesNotContain(chat.Messages, m => m.MessageId == sent.MessageId);
        Assert.DoesNotContain(chat.Messages, m => m.Text.Contains(account.SecretKey[..64], StringComparison.OrdinalIgnoreCase));

        // In the database: ciphertext only, and the key ring next to it.
        await using (var db = SchemaTests.NewContext(bot.Database))
        {
            var row = await db.DMarketAccounts.SingleAsync(a => a.UserId == user, Ct);
            Assert.Equal(account.PublicKey, row.PublicKey);
            Assert.DoesNotContain(account.SecretKey[..64], row.ProtectedSecretKey, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(Convert.FromHexString(account.SecretKey[..64])), row.ProtectedSecretKey, StringComparison.Ordinal);
            var dump = string.Join("\n", await db.Database.SqlQueryRaw<string>("SELECT row_to_json(a)::text AS \"Value\" FROM dmarket_accounts a").ToListAsync(Ct));
            Assert.DoesNotContain(account.SecretKey[..64], dump, StringComparison.OrdinalIgnoreCase);
            Assert.True(await db.DataProtectionKeys.AnyAsync(Ct), "the key ring is in PostgreSQL");
        }

        await bot.SendAsync(user, "/balance");
        var balance = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Balance", StringComparison.Ordinal), what: "balance");
        Assert.Contains("Available: $1234.56", balance.Text);
        Assert.Contains("Trade-protected: $0.00", balance.Text);

        await bot.SendAsync(user, "/keys");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Connected: public key " + AccountStore.Mask(account.PublicKey), StringComparison.Ordinal), what: "masked status");

        await bot.SendAsync(user, "/keys remove");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("forgotten", StringComparison.Ordinal), what: "removed");
        await bot.SendAsync(user, "/balance");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("No DMarket keys are connected", StringComparison.Ordinal) && m.MessageId > balance.MessageId, what: "no keys");

        foreach (var secret in new[] { account.SecretKey, account.SecretKey[..64] })
        {
            Assert.DoesNotContain(bot.Log.All, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
            lock (spans)
            {
                Assert.DoesNotContain(spans, span => span.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.NotEmpty(spans);
        Assert.Empty(await bot.ValidationRejectionsAsync());
    }

    [Theory]
    [InlineData("/keys abc", "/keys &lt;public key&gt;")]
    [InlineData("/keys 1234 {secret}", "The public key must be 64 hex characters (0-9, a-f); this one has 4.")]
    [InlineData("/keys {public} 12345", "The secret key must be 128 hex characters (or its 64-character seed); this one has 5.")]
    [InlineData("/keys {public} {zsecret}", "this one has 128, not all of them hex.")]
    [InlineData("/keys {public} {othersecret}", "These two keys are not one pair:")]
    [InlineData("/keys {public} {secret} extra", "/keys &lt;public key&gt;")]
    public async Task MalformedKeysGetAReplyThatNamesTheProblemAndNothingIsSentToDMarket(string template, string expected)
    {
        var account = await bot.NewAccountAsync(1000);
        var other = await bot.NewAccountAsync(1000);
        var text = template.Replace("{public}", account.PublicKey).Replace("{zsecret}", new string('z', 128))
            .Replace("{othersecret}", other.SecretKey).Replace("{secret}", account.SecretKey);
        var user = 5100 + Math.Abs(template.GetHashCode() % 800);
        var before = await bot.DMarketRequestsAsync();

        await bot.SendAsync(user, text);
        var reply = await bot.WaitForBotMessageAsync(user, m => m.Text.Contains(expected.Replace("&lt;", "<").Replace("&gt;", ">"), StringComparison.Ordinal), what: expected);

        Assert.Equal(before, await bot.DMarketRequestsAsync());
        Assert.DoesNotContain(account.SecretKey[..64], reply.Text, StringComparison.OrdinalIgnoreCase);
        await using var db = SchemaTests.NewContext(bot.Database);
        Assert.False(await db.DMarketAccounts.AnyAsync(a => a.UserId == user, Ct));
    }

    [Fact]
    public async Task KeysDMarketDoesNotKnowAreRejectedAndNotSaved()
    {
        var stranger = DMarketAspire.DMarket.Client.Signing.DMarketKeys.FromSeed(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        const long user = 5901;

        await bot.SendAsync(user, $"/keys {stranger.PublicKeyHex} {stranger.SecretKeyHex()}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("DMarket rejected these keys", StringComparison.Ordinal), what: "rejected");

        await using var db = SchemaTests.NewContext(bot.Database);
        Assert.False(await db.DMarketAccounts.AnyAsync(a => a.UserId == user, Ct));
    }

    [Fact]
    public async Task SecretsStayReadableAfterTheKeyRingRotatesAndAfterARestart()
    {
        var account = await bot.NewAccountAsync(50_000);
        const long user = 5902;
        await bot.SendAsync(user, $"/keys {account.PublicKey} {account.SecretKey}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");

        // A rotation: a new key becomes the default now; the one that protected the secret stays in the ring.
        var keyManager = bot.BotServices.GetRequiredService<IKeyManager>();
        var before = keyManager.GetAllKeys().Count;
        keyManager.CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
        Assert.Equal(before + 1, keyManager.GetAllKeys().Count);
        await bot.SendAsync(user, "/balance");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Available: $500.00", StringComparison.Ordinal), what: "balance after rotation");

        // A restarted bot (a new process's view: a fresh host on the same database) reads the secret too.
        await using var restarted = await BotHost.StartAsync(bot.Database, bot.Infrastructure.Redis.ConnectionString, bot.Address, bot.Token, $"test:bot:{Guid.NewGuid():N}:", "bot-restarted");
        await using var scope = restarted.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AccountStore>().KeysAsync(user, Ct);
        Assert.Equal(account.SecretKey, keys!.SecretKeyHex());
    }

    [Fact]
    public async Task WithACertificateTheKeyRingItselfIsEncrypted()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=dmarket-aspire-key-ring", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"key-ring-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-password"), Ct);
        try
        {
            var database = await BotSeed.DatabaseAsync(bot.Infrastructure);
            await using var host = await BotHost.StartAsync(database, bot.Infrastructure.Redis.ConnectionString, bot.Address, bot.Token, $"test:bot:{Guid.NewGuid():N}:", "bot-certificate",
                settings: [("Accounts:KeyRingCertificatePath", path), ("Accounts:KeyRingCertificatePassword", "test-password")]);
            var protector = host.Services.GetRequiredService<SecretProtector>();
            var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));

            var ciphertext = protector.Protect(secret);

            Assert.Equal(secret, protector.Unprotect(ciphertext));
            await using var db = SchemaTests.NewContext(database);
            var ring = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
            Assert.NotEmpty(ring);
            Assert.All(ring, xml =>
            {
                Assert.Contains("EncryptedXml", xml!, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml!, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TargetsArePlacedListedFilledAndCancelledAndCancelAllSparesOrdersMadeElsewhere()
    {
        var account = await bot.NewAccountAsync(100_000);
        const long user = 5903;
        var (title, ask, bid) = await bot.TitleWithListingsAsync();
        await bot.SendAsync(user, $"/keys {account.PublicKey} {account.SecretKey}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");

        // Placed through the bot, over every other buy order and under the best ask, with the competition shown.
        var price = (bid ?? ask / 2) + 1;
        Assert.True(price < ask, $"no room between the best bid {bid} and the best ask {ask}");
        await bot.SendAsync(user, $"/target {title} {DMarketAspire.DMarket.Client.Money.DollarString(price)} 2");
        var placed = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🎯 Buy order placed", StringComparison.Ordinal), what: "placed");
        Assert.Contains($"${DMarketAspire.DMarket.Client.Money.DollarString(price)} × 2", placed.Text);
        Assert.True(placed.Text.Contains("Best other buy order", StringComparison.Ordinal) || placed.Text.Contains("No other buy orders", StringComparison.Ordinal), placed.Text);

        // One made outside the bot, on the same account.
        using var client = DMarketClientHost.Create(bot.DMarketAddress, DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey));
        var outside = (await client.Client.CreateTargetsAsync("rust", [new DMarketAspire.DMarket.Client.Models.NewTarget(title, Math.Max(1, price - 1))], Ct)).Single();
        Assert.True(outside.Successful);

        await bot.SendAsync(user, "/targets");
        var list = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Your buy orders", StringComparison.Ordinal), what: "list");
        Assert.Contains("(placed elsewhere)", list.Text);
        Assert.Equal(2, list.Buttons.SelectMany(r => r).Count(b => b.CallbackData!.StartsWith("tg:d:", StringComparison.Ordinal)));

        // A seller lists at the bot's price: DMarket fills the order, and the user is told.
        var planted = await bot.DMarket.PostAsJsonAsync("/_sim/offers", new DMarketSimulator.Market.PlantOfferRequest("rust", title, price), Ct);
        Assert.True((await planted.Content.ReadFromJsonAsync<SimulatorControlApi.PlantedOffer>(Ct))!.FilledABuyOrder);
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("✅ Buy order filled", StringComparison.Ordinal), what: "filled");

        // "Cancel all" deletes what the bot placed and leaves the other order alone.
        await bot.PressAsync(user, list.MessageId, "tg:all");
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == list.MessageId && m.Edited && !m.Text.Contains(DMarketAspire.DMarket.Client.Money.DollarString(price) + " ×", StringComparison.Ordinal), what: "list after cancel all");
        var left = await client.Client.GetUserTargetsAsync("rust", cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([outside.TargetId], left.Select(t => t.TargetId));

        // One deleted by its own button.
        await bot.SendAsync(user, "/targets");
        var again = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Your buy orders", StringComparison.Ordinal) && m.MessageId > list.MessageId, what: "list again");
        await bot.PressAsync(user, again.MessageId, again.Buttons.SelectMany(r => r).Single(b => b.CallbackData!.StartsWith("tg:d:", StringComparison.Ordinal)).CallbackData!);
        await bot.WaitForBotMessageAsync(user, m => m.MessageId == again.MessageId && m.Text.StartsWith("You have no active buy orders", StringComparison.Ordinal), what: "empty list");
        Assert.Empty(await client.Client.GetUserTargetsAsync("rust", cancellationToken: Ct).ToListAsync(Ct));
        Assert.Empty(await bot.ValidationRejectionsAsync());
    }

    [Theory]
    [InlineData("/target No Such Item At All 5", "I know no item called \"No Such Item At All\"")]
    [InlineData("/target {title} 0", "The price must be more than $0")]
    [InlineData("/target {title} -5", "The price must be more than $0")]
    [InlineData("/target {title} 1.234", "\"1.234\" is not a dollar amount with at most two decimals.")]
    [InlineData("/target {title} abc", "\"abc\" is not a dollar amount")]
    [InlineData("/target {title} 5 500", "The amount must be between 1 and 100.")]
    [InlineData("/target", "Place a buy order: /target <title> <price> [amount]")]
    [InlineData("/target {title} {above}", "Someone sells it for $")]
    [InlineData("/target {title} {under} 100", "and your balance is $10.00. Nothing was placed.")]
    public async Task ABadBuyOrderGetsAReplyThatNamesTheProblemAndNothingIsPlaced(string template, string expected)
    {
        var account = await bot.NewAccountAsync(1000);
        var user = 6000 + Math.Abs(template.GetHashCode() % 900);
        var (title, ask, _) = await bot.TitleWithListingsAsync();
        await bot.SendAsync(user, $"/keys {account.PublicKey} {account.SecretKey}");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Keys connected", StringComparison.Ordinal), what: "keys connected");
        var text = template.Replace("{title}", title).Replace("{above}", DMarketAspire.DMarket.Client.Money.DollarString(ask + 100)).Replace("{under}", DMarketAspire.DMarket.Client.Money.DollarString(ask - 1));
        var before = (await bot.ChatAsync(user))!.Messages.Max(m => m.MessageId);

        await bot.SendAsync(user, text);
        await bot.WaitForBotMessageAsync(user, m => m.MessageId > before && m.Text.Contains(expected, StringComparison.Ordinal), what: expected);

        using var client = DMarketClientHost.Create(bot.DMarketAddress, DMarketAspire.DMarket.Client.Signing.DMarketKeys.Parse(account.PublicKey, account.SecretKey));
        Assert.Empty(await client.Client.GetUserTargetsAsync("rust", cancellationToken: Ct).ToListAsync(Ct));
        await using var db = SchemaTests.NewContext(bot.Database);
        Assert.False(await db.BotTargets.AnyAsync(t => t.UserId == user, Ct));
    }

    [Fact]
    public async Task ItemShowsPricesSalesTrendsAndFeeUnderAChartSentAsAPhoto()
    {
        const long user = 5904;
        var now = DateTimeOffset.UtcNow;
        long itemId;
        await using (var db = SchemaTests.NewContext(bot.Database))
        {
            var item = new DMarketAspire.Data.Domain.Item { GameId = "a8db", Title = "AK-47 | Chartline (Field-Tested)", FirstSeenAt = now.AddDays(-30), UpdatedAt = now };
            db.Items.Add(item);
            db.Items.Add(new DMarketAspire.Data.Domain.Item { GameId = "a8db", Title = "AK-47 | Chartline (Minimal Wear)", FirstSeenAt = now, UpdatedAt = now });
            await db.SaveChangesAsync(Ct);
            itemId = item.Id;
            // A week ago around $10, this week around $11: a +10% trend over 7 days.
            for (var day = 13; day >= 0; day--)
            {
                db.Sales.Add(new DMarketAspire.Data.Domain.Sale { ItemId = itemId, PriceCents = day >= 7 ? 1000 : 1100, SoldAt = now.AddDays(-day).AddHours(-1), OperationType = "Offer" });
            }

            db.PriceSnapshots.Add(new DMarketAspire.Data.Domain.PriceSnapshot { ItemId = itemId, BestOfferCents = 1190, OfferCount = 7, BestBuyOrderCents = 980, BuyOrderCount = 3, MedianSaleCents = 1100, CapturedAt = now.AddHours(-2) });
            db.PriceSnapshots.Add(new DMarketAspire.Data.Domain.PriceSnapshot { ItemId = itemId, BestOfferCents = 1150, OfferCount = 6, BestBuyOrderCents = 1000, BuyOrderCount = 4, MedianSaleCents = 1100, CapturedAt = now.AddMinutes(-5) });
            db.Fees.Add(new DMarketAspire.Data.Domain.Fee { GameId = "a8db", Fraction = 0.1m, MinPriceCents = 0, MaxPriceCents = long.MaxValue, FetchedAt = now });
            db.Fees.Add(new DMarketAspire.Data.Domain.Fee { GameId = "a8db", Title = "AK-47 | Chartline (Field-Tested)", Fraction = 0.03m, MinPriceCents = 500, MaxPriceCents = 5000, ExpiresAt = now.AddDays(1), FetchedAt = now });
            await db.SaveChangesAsync(Ct);
        }

        // Part of a title that two items share: a choice.
        await bot.SendAsync(user, "/item chartline");
        var choice = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Several items match", StringComparison.Ordinal), what: "choice");
        Assert.Equal(2, choice.Buttons.SelectMany(r => r).Count());

        await bot.PressAsync(user, choice.MessageId, $"it:{itemId}");
        var photo = await bot.WaitForBotMessageAsync(user, m => m.Photo, what: "chart");
        Assert.StartsWith("AK-47 | Chartline (Field-Tested) (CS2)", photo.Text);
        Assert.Contains("Best offer: $11.50 (6 listed)", photo.Text);
        Assert.Contains("Best buy order: $10.00 (4 wanted)", photo.Text);
        Assert.Contains("Last sales: $11.00, $11.00", photo.Text);
        Assert.Contains("Trend: 7 days +10.0%, 30 days n/a", photo.Text);
        Assert.Contains("Fee: 3%", photo.Text);

        // The whole title: straight to the chart.
        await bot.SendAsync(user, "/item ak-47 | chartline (field-tested)");
        await bot.WaitForBotMessageAsync(user, m => m.Photo && m.MessageId > photo.MessageId, what: "chart by full title");
        await bot.SendAsync(user, "/item zzzz-nothing");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("I know no item whose title contains \"zzzz-nothing\"", StringComparison.Ordinal), what: "not found");
        Assert.Empty(await bot.ValidationRejectionsAsync());
    }

    [Fact]
    public async Task AnApiKeyIsIssuedUsedReplacedAndRevokedAndStoredOnlyAsItsHash()
    {
        const long user = 5905;
        await bot.SendAsync(user, "/settings profit 7.5");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("7.5%", StringComparison.Ordinal), what: "profit set");
        await using var api = await DMarketAspire.IntegrationTests.Api.ApiHost.StartAsync(bot.Database, bot.Infrastructure.Redis.ConnectionString);
        using var http = api.CreateClient();

        var first = await bot.IssueApiKeyAsync(user);
        var settings = await GetAsync(http, "/api/me/settings", first);
        Assert.Equal(System.Net.HttpStatusCode.OK, settings.StatusCode);
        var body = await settings.Content.ReadFromJsonAsync<DMarketAspire.Api.Me.MeSettings>(Ct);
        Assert.Equal((user, 7.5m), (body!.UserId, body.MinProfitPercent));
        var targets = await GetAsync(http, "/api/me/targets", first);
        Assert.Equal("[]", await targets.Content.ReadAsStringAsync(Ct));

        await using (var db = SchemaTests.NewContext(bot.Database))
        {
            var stored = await db.ApiKeys.Where(k => k.UserId == user).ToListAsync(Ct);
            Assert.Equal(DMarketAspire.Data.Infrastructure.ApiKeyHasher.Hash(first), Assert.Single(stored).KeyHash);
            Assert.DoesNotContain(stored, k => k.KeyHash.Contains(first[4..], StringComparison.Ordinal) || first.Length <= k.Prefix.Length);
        }

        // A new key replaces the old one at once.
        var second = await bot.IssueApiKeyAsync(user);
        Assert.NotEqual(first, second);
        await AssertUnauthorizedAsync(await GetAsync(http, "/api/me/settings", first), "revoked, replaced by a newer one");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await GetAsync(http, "/api/me/settings", second)).StatusCode);

        await bot.SendAsync(user, "/apikey revoke");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Your Api key is revoked", StringComparison.Ordinal), what: "revoked");
        await AssertUnauthorizedAsync(await GetAsync(http, "/api/me/settings", second), "revoked");
        await AssertUnauthorizedAsync(await GetAsync(http, "/api/me/targets", null), "X-Api-Key");
        await AssertUnauthorizedAsync(await GetAsync(http, "/api/me/settings", "dma_forged"), "never issued");
    }

    [Fact]
    public async Task EachApiKeyHasItsOwnRateBudget()
    {
        var (busy, quiet) = (await bot.IssueApiKeyAsync(5906), await bot.IssueApiKeyAsync(5907));
        await using var api = await DMarketAspire.IntegrationTests.Api.ApiHost.StartAsync(bot.Database, bot.Infrastructure.Redis.ConnectionString, ("Api:PermitsPerSecond", "1"), ("Api:Burst", "3"));
        using var http = api.CreateClient();

        var statuses = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await GetAsync(http, "/api/me/settings", busy)).StatusCode);
        }

        Assert.Contains(System.Net.HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await GetAsync(http, "/api/me/settings", quiet)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await http.SendAsync(request, Ct);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Every span the process records (name, tags, events), as text.</summary>
    private static ActivityListener RecordSpans(List<string> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = $"{activity.DisplayName} {string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(" ", activity.Events.Select(e => e.Name))}";
                lock (spans)
                {
                    spans.Add(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
