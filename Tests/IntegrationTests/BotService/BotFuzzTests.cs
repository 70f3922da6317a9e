using System.Text;
using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Random and hostile command texts and button data, each from a user of its own (so anti-flood stays out of the way):
/// every message gets a reply, every press an answer, no handler throws, and Telegram's rules refuse nothing the bot sends.
/// </summary>
public sealed class BotFuzzTests(BotFuzzTests.Fixture bot) : IClassFixture<BotFuzzTests.Fixture>
{
    private const int Seed = 20261201;

    public sealed class Fixture(InfrastructureFixture infrastructure) : BotFixture(infrastructure);

    private static readonly string[] Hostile =
    [
        "/", "//", "/ ", "/START", "/Scan CS2 PRO", "/scan\n\ncs2", "/scan cs2 standard extra words", "/scan " + new string('x', 3000),
        "/scan <b>cs2</b>", "/scan &amp;", "/settings", "/settings profit", "/settings profit 1e309", "/settings profit NaN", "/settings profit ٣",
        "/settings minprofit 99999999999999999999999", "/settings minprofit 0.5.5", "/settings maxprice -0", "/settings tz ../../etc/passwd",
        "/settings tz " + new string('A', 500), "/settings quiet 7-", "/settings quiet -7", "/settings quiet 23–7", "/settings games ,,,", "/settings levels all",
        "/settings mode digest", "/settings mode digest x", "/settings lang RU", "/settings cap 0", "/settings cap 99999999999", "/settings <script>alert(1)</script> 1",
        "/menu@dmarket_aspire_bot", "/help@DMARKET_ASPIRE_BOT", "/status please", "/top 1 2 3", "/pause now", "/stats \u202e", "\u0000", "/\u0000\u0001",
        "👍", "/😀", "/" + new string('z', 200), new string('/', 4096), "/scan \ud83d", "<b>not a command</b>", "&", "/start deep-link-payload",
    ];

    private static readonly string[] HostileData =
    [
        "", ":", ":::", "m", "m:", "m:nope", "sc", "sc:cs2", "sc:cs2:-:99999999999", "sc:-:-:-1", "sc:minecraft:-:0", "sc:-:nolevel:0", "tp:abc", "tp:-5",
        "st:tz:Invalid/Zone", "st:tz:", "st:g:", "st:g:minecraft", "st:md:d:999", "st:md:d:", "st:pp:-1", "st:pp:1e3", "st:qh:25-1", "st:ln:de", "st:x:y:z",
        "st:" + new string(':', 60), new string('я', 32), "v2|pg|abc|1",
    ];

    [Fact]
    public async Task FuzzedTextsAndButtonDataGetRepliesOrCleanRejectionsNeverAnException()
    {
        var random = new Random(Seed);
        var texts = Hostile.Concat(Enumerable.Range(0, 120).Select(_ => RandomText(random))).ToList();
        var expectReply = new List<long>();
        for (var i = 0; i < texts.Count; i++)
        {
            long user = 20_000 + i;
            await bot.SendAsync(user, texts[i]);
            if (!IsForAnotherBot(texts[i]))
            {
                expectReply.Add(user);
            }
        }

        var data = HostileData.Concat(Enumerable.Range(0, 60).Select(_ => RandomData(random))).ToList();
        // Presses on a few menus (a user's presses are limited to 30 in 10 s, as anyone's).
        const int PressesPerUser = 8;
        var presses = new List<(long User, string Query)>();
        for (var i = 0; i < data.Count; i += PressesPerUser)
        {
            long user = 40_000 + i;
            await bot.SendAsync(user, "/menu");
            var menu = await bot.WaitForBotMessageAsync(user, m => m.Text == "Menu", TimeSpan.FromSeconds(30));
            foreach (var item in data.Skip(i).Take(PressesPerUser))
            {
                presses.Add((user, (await bot.PressAnyAsync(user, menu.MessageId, item)).CallbackQueryId));
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<long> silent;
        while ((silent = await WithoutReplyAsync(expectReply)).Count > 0 || (await UnansweredAsync(presses)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No reply to: {string.Join(" | ", silent.Select(u => Printable(texts[(int)(u - 20_000)])))}; unanswered presses: {(await UnansweredAsync(presses)).Count}");
            await Task.Delay(200, Ct);
        }

        Assert.Empty(await bot.ValidationRejectionsAsync());
        Assert.Empty(bot.Log.Errors);
        TestContext.Current.TestOutputHelper?.WriteLine($"Seed {Seed}: {texts.Count} texts, {data.Count} button data; all answered, no rejection, no error.");
    }

    private async Task<List<long>> WithoutReplyAsync(List<long> users)
    {
        List<long> silent = [];
        foreach (var user in users)
        {
            if ((await bot.ChatAsync(user))?.Messages.Any(m => m.FromBot) != true)
            {
                silent.Add(user);
            }
        }

        return silent;
    }

    private async Task<List<string>> UnansweredAsync(List<(long User, string Query)> presses)
    {
        List<string> unanswered = [];
        foreach (var (user, query) in presses)
        {
            if ((await bot.ChatAsync(user))!.CallbackAnswers.SingleOrDefault(a => a.Id == query) is not { Answered: true })
            {
                unanswered.Add(query);
            }
        }

        return unanswered;
    }

    private static bool IsForAnotherBot(string text)
    {
        var first = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var at = first.IndexOf('@');
        return first.StartsWith('/') && at > 0 && !first[(at + 1)..].Equals("dmarket_aspire_bot", StringComparison.OrdinalIgnoreCase);
    }

    private static string RandomText(Random random)
    {
        var length = random.Next(4) switch { 0 => random.Next(1, 8), 1 => random.Next(8, 80), 2 => random.Next(80, 600), _ => random.Next(600, 4096) };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        if (random.Next(2) == 0)
        {
            var commands = new[] { "/scan", "/settings", "/top", "/start", "/menu", "/stats", "/x" };
            text = commands[random.Next(commands.Length)] + " " + text;
        }

        text = text.Length > 4096 ? text[..4096] : text;
        return text.Trim().Length == 0 ? "?" + text : text;
    }

    private static string RandomData(Random random)
    {
        var prefixes = new[] { "m:", "sc:", "tp:", "st:", "st:g:", "st:md:d:", "" };
        var bytes = new byte[random.Next(1, 40)];
        random.NextBytes(bytes);
        var data = prefixes[random.Next(prefixes.Length)] + Encoding.UTF8.GetString(bytes);
        while (Encoding.UTF8.GetByteCount(data) > 64)
        {
            data = data[..^1];
        }

        return data.Length == 0 ? "x" : data;
    }

    private static string Printable(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
