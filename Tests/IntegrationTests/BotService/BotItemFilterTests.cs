using System.Net.Http.Json;
using DMarketAspire.Data.Domain;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.TelegramSimulator.Control;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Item-attribute filters per game: a listing reaches exactly the users whose filters admit it, in notifications and
/// in <c>/scan</c>; the card shows the attributes; bad input is named; the keyboard sets the same filter.
/// </summary>
public sealed class BotItemFilterTests(BotItemFilterTests.Fixture bot) : IClassFixture<BotItemFilterTests.Fixture>
{
    private const long FactoryNewStatTrak = 940001;
    private const long NoStatTrak = 940002;
    private const long GenuinePudge = 940003;
    private const long ProfessionalCraftable = 940004;
    private const long RustWeapons = 940005;
    private const long Keyboard = 940006;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure)
    {
        public InfrastructureFixture Infrastructure { get; } = infrastructure;
    }

    [Fact]
    public async Task AListingReachesExactlyTheUsersWhoseItemFiltersAdmitItInEveryGame()
    {
        await SetUpAsync(FactoryNewStatTrak, "/settings exterior fn", "/settings stattrak only", "/settings float 0-0.07");
        await SetUpAsync(NoStatTrak, "/settings stattrak no");
        await SetUpAsync(GenuinePudge, "/settings hero pudge", "/settings quality dota2:genuine");
        await SetUpAsync(ProfessionalCraftable, "/settings killstreak pro", "/settings craftable only");
        await SetUpAsync(RustWeapons, "/settings category weapon");
        var users = new[] { FactoryNewStatTrak, NoStatTrak, GenuinePudge, ProfessionalCraftable, RustWeapons };

        var planted = new (BotSeed.Planted Listing, long[] Admitted)[]
        {
            (new("a8db", "pro", "StatTrak™ AK-47 | Filter FN Test (Factory New)", 50_000, 30m,
                Attributes: new() { Exterior = "Factory New", FloatValue = 0.03, PaintSeed = 661, StatTrak = true, Category = "rifle", Stickers = 2 }),
                [FactoryNewStatTrak, GenuinePudge, ProfessionalCraftable, RustWeapons]),
            (new("a8db", "pro", "StatTrak™ AK-47 | Filter Worn Test (Factory New)", 50_000, 30m,
                Attributes: new() { Exterior = "Factory New", FloatValue = 0.0699, StatTrak = true, Category = "rifle" }),
                [FactoryNewStatTrak, GenuinePudge, ProfessionalCraftable, RustWeapons]),
            (new("a8db", "pro", "StatTrak™ AK-47 | Filter MW Test (Minimal Wear)", 50_000, 30m,
                Attributes: new() { Exterior = "Minimal Wear", FloatValue = 0.0701, StatTrak = true, Category = "rifle" }),
                [GenuinePudge, ProfessionalCraftable, RustWeapons]),
            (new("a8db", "pro", "AK-47 | Filter Plain Test (Factory New)", 50_000, 30m,
                Attributes: new() { Exterior = "Factory New", FloatValue = 0.01, Category = "rifle" }),
                [NoStatTrak, GenuinePudge, ProfessionalCraftable, RustWeapons]),
            (new("9a92", "pro", "Genuine Filter Hook Test of Pudge", 50_000, 30m, Attributes: new() { Hero = "Pudge", Quality = "Genuine", Rarity = "Immortal" }),
                [FactoryNewStatTrak, NoStatTrak, GenuinePudge, ProfessionalCraftable, RustWeapons]),
            (new("9a92", "pro", "Inscribed Filter Hook Test of Pudge", 50_000, 30m, Attributes: new() { Hero = "Pudge", Quality = "Inscribed", Rarity = "Immortal" }),
                [FactoryNewStatTrak, NoStatTrak, ProfessionalCraftable, RustWeapons]),
            (new("tf2", "pro", "Strange Professional Killstreak Filter Launcher Test", 50_000, 30m,
                Attributes: new() { Quality = "Strange", Killstreak = "Professional Killstreak", Craftable = true }),
                [FactoryNewStatTrak, NoStatTrak, GenuinePudge, ProfessionalCraftable, RustWeapons]),
            (new("tf2", "pro", "Non-Craftable Strange Professional Killstreak Filter Minigun Test", 50_000, 30m,
                Attributes: new() { Quality = "Strange", Killstreak = "Professional Killstreak", Craftable = false }),
                [FactoryNewStatTrak, NoStatTrak, GenuinePudge, RustWeapons]),
            (new("rust", "pro", "Filter Tempered AK47 Test", 50_000, 30m, Attributes: new() { Category = "weapon", TradeLockDays = 3 }),
                [FactoryNewStatTrak, NoStatTrak, GenuinePudge, ProfessionalCraftable, RustWeapons]),
            (new("rust", "pro", "Filter Hoodie Test", 50_000, 30m, Attributes: new() { Category = "clothing" }),
                [FactoryNewStatTrak, NoStatTrak, GenuinePudge, ProfessionalCraftable]),
        };
        await BotSeed.PlantAsync(bot.Database, bot.Redis, [.. planted.Select(p => p.Listing)]);

        // Every admitted user gets a notification of each listing meant for them (several may share one message, so the outbox is the
        // record), and no chat ever shows one not meant for it.
        foreach (var user in users)
        {
            var expected = planted.Where(p => p.Admitted.Contains(user)).Select(p => p.Listing.Title).Order(StringComparer.Ordinal).ToList();
            List<string> sent = [];
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                await using var db = SchemaTests.NewContext(bot.Database);
                sent = await db.Notifications.AsNoTracking().Where(n => n.UserId == user && n.Title.Contains("Filter"))
                    .Select(n => n.Title).OrderBy(t => t).ToListAsync(Ct);
                if (sent.Count >= expected.Count)
                {
                    break;
                }

                await Task.Delay(200, Ct);
            }

            Assert.True(expected.SequenceEqual(sent.Order(StringComparer.Ordinal)), $"user {user}: expected [{string.Join(" | ", expected)}], notified [{string.Join(" | ", sent.Order(StringComparer.Ordinal))}]");
        }

        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        foreach (var user in users)
        {
            var chat = (await bot.ChatAsync(user))!;
            foreach (var (listing, admitted) in planted.Where(p => !p.Admitted.Contains(user)))
            {
                Assert.DoesNotContain(chat.Messages, m => m.Text.Contains(listing.Title, StringComparison.Ordinal));
            }
        }

        // /scan applies the same filters as SQL, and each card shows what matters for its game.
        var cs2 = await AssertScanAsync(FactoryNewStatTrak, "/scan cs2 pro", ["Filter FN Test", "Filter Worn Test"], ["Filter MW Test", "Filter Plain Test"]);
        Assert.Contains("StatTrak™ · Factory New · float 0.0300 · 2 stickers", cs2);
        await AssertScanAsync(NoStatTrak, "/scan cs2 pro", ["Filter Plain Test"], ["Filter FN Test", "Filter MW Test"]);
        var dota = await AssertScanAsync(GenuinePudge, "/scan dota2 pro", ["Genuine Filter Hook Test"], ["Inscribed Filter Hook Test"]);
        Assert.Contains("Genuine · Pudge · Immortal", dota);
        var tf2 = await AssertScanAsync(ProfessionalCraftable, "/scan tf2 pro", ["Filter Launcher Test"], ["Filter Minigun Test"]);
        Assert.Contains("Strange · Professional Killstreak", tf2);
        var rust = await AssertScanAsync(RustWeapons, "/scan rust pro", ["Filter Tempered AK47 Test"], ["Filter Hoodie Test"]);
        Assert.Contains("Weapon · 🔒 trade lock 3 d", rust);
    }

    [Fact]
    public async Task BadFilterInputGetsAReplyNamingTheProblemAndChangesNothing()
    {
        const long user = 940010;
        await SetUpAsync(user, "/settings exterior mw");
        (string Command, string Reply)[] cases =
        [
            ("/settings float 0.9-0.1", "Float \"0.9-0.1\": give a range between 0 and 1, the smaller number first"),
            ("/settings float abc", "\"abc\" is not a number. Example: /settings float 0-0.07"),
            ("/settings exterior fn, shiny", "\"shiny\" is not one of: fn, mw, ft, ww, bs."),
            ("/settings stattrak maybe", "\"maybe\" is not one of: only, no, any."),
            ("/settings hero nobody", "\"nobody\" is not one of: pudge, anti-mage, crystal-maiden…"),
            ("/settings phase phase 9", "\"phase 9\" is not one of: p1, p2, p3, p4, ruby, sapphire, bp, emerald."),
            ("/settings tradelock 99", "tradelock must be between 0 and 30."),
        ];
        foreach (var (command, reply) in cases)
        {
            var before = (await bot.ChatAsync(user))!.Messages.Max(m => m.MessageId);
            await bot.SendAsync(user, command);
            var answer = await bot.WaitForBotMessageAsync(user, m => m.MessageId > before, what: command);
            Assert.StartsWith(reply, answer.Text, StringComparison.Ordinal);
        }

        await using var db = SchemaTests.NewContext(bot.Database);
        var filter = (await db.BotUsers.AsNoTracking().SingleAsync(u => u.Id == user, Ct)).ItemFilter;
        Assert.Equal(["Minimal Wear"], filter.Exteriors);
        Assert.Null(filter.FloatTo);
        Assert.Equal(Presence.Any, filter.StatTrak);
    }

    [Fact]
    public async Task TheItemsKeyboardSetsTheSameFilterAsTyping()
    {
        await SetUpAsync(Keyboard);
        await bot.SendAsync(Keyboard, "/settings");
        var settings = await bot.WaitForBotMessageAsync(Keyboard, m => m.Text.Contains("Items: all", StringComparison.Ordinal), what: "settings with items");

        var items = await PressLabelAsync(Keyboard, settings, "🎯 Items");
        var exterior = await PressLabelAsync(Keyboard, items, "Exterior");
        exterior = await PressLabelAsync(Keyboard, exterior, "Factory New");
        exterior = await PressLabelAsync(Keyboard, exterior, "Minimal Wear");
        Assert.Contains("Items: exterior Factory New, Minimal Wear", exterior.Text);
        var menu = await PressLabelAsync(Keyboard, exterior, "« Back");
        var statTrak = await PressLabelAsync(Keyboard, menu, "StatTrak™");
        menu = await PressLabelAsync(Keyboard, statTrak, "without");
        var floats = await PressLabelAsync(Keyboard, menu, "Float");
        menu = await PressLabelAsync(Keyboard, floats, "0-0.07");
        Assert.Contains("exterior Factory New, Minimal Wear · float 0-0.07 · stattrak no", menu.Text);

        await using var db = SchemaTests.NewContext(bot.Database);
        var filter = (await db.BotUsers.AsNoTracking().SingleAsync(u => u.Id == Keyboard, Ct)).ItemFilter;
        Assert.Equal(["Factory New", "Minimal Wear"], filter.Exteriors);
        Assert.Equal(0.07, filter.FloatTo);
        Assert.Equal(Presence.Without, filter.StatTrak);
    }

    [Fact]
    public async Task TheApiSetsTheSameFilterAndNamesBadKeysAndValues()
    {
        const long user = 940020;
        await SetUpAsync(user, "/settings exterior ft");
        await bot.SendAsync(user, "/apikey");
        var issued = await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("🔑 Your Api key", StringComparison.Ordinal), what: "api key");
        var key = System.Text.RegularExpressions.Regex.Match(issued.Text, "dma_[A-Za-z0-9_-]{43}").Value;
        await using var api = await DMarketAspire.IntegrationTests.Api.ApiHost.StartAsync(bot.Database, bot.Infrastructure.Redis.ConnectionString);
        using var http = api.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var bad = await http.PatchAsJsonAsync("/api/me/settings/items", new Dictionary<string, string?> { ["float"] = "0.9-0.1", ["colour"] = "red", ["exterior"] = "fn" }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct);
        Assert.Equal(["colour", "float"], problem!.Errors.Keys.Order(StringComparer.Ordinal));

        using var good = await http.PatchAsJsonAsync("/api/me/settings/items",
            new Dictionary<string, string?> { ["exterior"] = "fn, mw", ["float"] = "0-0.07", ["statTrak"] = "only", ["hero"] = "pudge", ["tradeLock"] = null }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, good.StatusCode);
        var settings = await good.Content.ReadFromJsonAsync<DMarketAspire.Api.Me.MeSettings>(Ct);
        Assert.Equal("Factory New, Minimal Wear", settings!.Items["exterior"]);
        Assert.Equal("0-0.07", settings.Items["float"]);
        Assert.Equal("only", settings.Items["stattrak"]);
        Assert.Equal("Pudge", settings.Items["hero"]);

        // The bot sees what the Api set.
        await bot.SendAsync(user, "/settings");
        await bot.WaitForBotMessageAsync(user, m => m.Text.Contains("Items: exterior Factory New, Minimal Wear · float 0-0.07 · stattrak only · hero Pudge", StringComparison.Ordinal), what: "settings after the Api");
    }

    private async Task SetUpAsync(long user, params string[] commands)
    {
        await bot.SendAsync(user, "/start");
        await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Hi", StringComparison.Ordinal));
        foreach (var command in commands)
        {
            await bot.SendAsync(user, command);
            await bot.WaitForBotMessageAsync(user, m => m.Text.StartsWith("Saved.", StringComparison.Ordinal) && m.Text.Contains("Items:", StringComparison.Ordinal)
                && m.Text.Contains(command.Split(' ')[1], StringComparison.Ordinal), what: command);
        }
    }

    /// <summary>Presses the button labelled <paramref name="label"/> (a ✅ before it allowed) and returns the message as edited.</summary>
    private async Task<ChatMessageView> PressLabelAsync(long user, ChatMessageView message, string label)
    {
        var button = message.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Text == label || b.Text == "✅ " + label)
            ?? throw new InvalidOperationException($"No button '{label}' on: {string.Join(" | ", message.Buttons.SelectMany(r => r).Select(b => b.Text))}");
        await bot.PressAsync(user, message.MessageId, button.CallbackData!);
        return await bot.WaitForBotMessageAsync(user, m => m.MessageId == message.MessageId && m.Text != message.Text, what: $"after pressing {label}");
    }

    private async Task<string> AssertScanAsync(long user, string command, string[] shown, string[] hidden)
    {
        var before = (await bot.ChatAsync(user))!.Messages.Max(m => m.MessageId);
        await bot.SendAsync(user, command);
        var scan = await bot.WaitForBotMessageAsync(user, m => m.MessageId > before && !m.Text.StartsWith("🔔", StringComparison.Ordinal), what: command);
        Assert.All(shown, s => Assert.Contains(s, scan.Text));
        Assert.All(hidden, s => Assert.DoesNotContain(s, scan.Text));
        return scan.Text;
    }
}
