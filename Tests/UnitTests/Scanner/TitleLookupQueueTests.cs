using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Scanner.Scanning;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DMarketAspire.UnitTests.Scanner;

/// <summary>The titles waiting for a lookup: costliest first, a bounded backlog, listings a sweep has priced by now let go.</summary>
public sealed class TitleLookupQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (TitleLookupQueue Queue, FakeTimeProvider Time) NewQueue(int backlog = 100)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var options = new ScannerOptions { FreshLookupBacklog = backlog, PendingMaxAge = TimeSpan.FromMinutes(10) };
        return (new TitleLookupQueue(time, Options.Create(options)), time);
    }

    /// <summary>The next title whatever its price, however long it takes.</summary>
    private static async Task<(string Game, string Title, IReadOnlyList<Listing> Listings)> TakeAnyAsync(TitleLookupQueue queue)
    {
        while (true)
        {
            if (await queue.TakeAsync(0, Timeout.InfiniteTimeSpan, Ct) is { } next)
            {
                return next;
            }
        }
    }

    private static Listing Listed(string offerId, string title, long priceCents, DateTimeOffset at) => new(offerId, title, priceCents, at, ItemAttributes.None);

    [Fact]
    public async Task TheTitleWithTheCostliestListingIsTakenFirstWithAllItsListings()
    {
        var (queue, time) = NewQueue();
        var now = time.GetUtcNow();
        queue.Add("rust", [Listed("a1", "Cheap", 300, now), Listed("b1", "Dear", 9_000, now)]);
        queue.Add("a8db", [Listed("c1", "Middle", 5_000, now), Listed("a2", "Cheap", 12_000, now), Listed("a2", "Cheap", 12_000, now)]);

        var first = await TakeAnyAsync(queue);
        Assert.Equal(("a8db", "Cheap"), (first.Game, first.Title));
        Assert.Equal(["a2"], first.Listings.Select(l => l.OfferId));

        // The same title of another game is another title: rust's "Cheap" keeps its own listing.
        Assert.Equal(["Dear", "Middle", "Cheap"], [(await TakeAnyAsync(queue)).Title, (await TakeAnyAsync(queue)).Title, (await TakeAnyAsync(queue)).Title]);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task PastTheBacklogTheCheapestTitlesAreLeftToTheSweeps()
    {
        var (queue, time) = NewQueue(backlog: 2);
        var now = time.GetUtcNow();
        queue.Add("rust", [Listed("1", "One", 100, now), Listed("2", "Two", 200, now), Listed("3", "Three", 300, now)]);

        Assert.Equal(2, queue.Count);
        Assert.Equal("Three", (await TakeAnyAsync(queue)).Title);
        Assert.Equal("Two", (await TakeAnyAsync(queue)).Title);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task ListingsThatWaitedLongerThanASweepTakesAreLetGoAndATakeWaitsForTheNext()
    {
        var (queue, time) = NewQueue();
        queue.Add("rust", [Listed("old", "Old", 50_000, time.GetUtcNow())]);
        time.Advance(TimeSpan.FromMinutes(11));

        var taking = TakeAnyAsync(queue);
        await Task.Delay(50, Ct);
        Assert.False(taking.IsCompleted, "an expired title was taken");

        queue.Add("rust", [Listed("new", "New", 100, time.GetUtcNow())]);
        var taken = await taking.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal("New", taken.Title);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task OnlyTitlesWithARecentListingAreLookedUpOlderOnesStayForAPageToTell()
    {
        var (queue, time) = NewQueue();
        var now = time.GetUtcNow();
        queue.Add("tf2", [Listed("old", "Old and dear", 90_000, now - TimeSpan.FromMinutes(2)), Listed("new", "New and cheap", 300, now)]);

        Assert.Equal("New and cheap", (await TakeAnyAsync(queue)).Title);
        var taking = TakeAnyAsync(queue);
        await Task.Delay(50, Ct);
        Assert.False(taking.IsCompleted, "a title listed minutes ago was taken for a lookup");

        // Still waiting for a page or a sweep to tell it.
        Assert.Equal(["Old and dear"], queue.TakeKnown("tf2", _ => true).Select(t => t.Title));
        queue.Add("tf2", [Listed("newer", "Newer", 500, now)]);
        Assert.Equal("Newer", (await taking.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Title);
    }

    [Fact]
    public async Task AGamesPageIsDueForTitlesThatCameSinceItsLastPageTheLongestWaitingGameFirst()
    {
        var (queue, time) = NewQueue();
        var now = time.GetUtcNow();
        queue.Add("rust", [Listed("r1", "Jacket", 300, now), Listed("r2", "Mask", 900, now), Listed("r3", "Boots", 500, now)]);
        queue.Add("a8db", [Listed("c1", "AK-47", 5_000, now)]);

        // Rust's titles came first: its page is due first, whatever a8db's title is worth.
        Assert.Equal("rust", queue.GameDueForPage(1));
        Assert.Equal("rust", queue.GameDueForPage(3));
        Assert.Null(queue.GameDueForPage(4));

        // Rust's page is read: its titles were on it if anywhere, so only a8db is due, and then nothing.
        queue.MarkPaged("rust");
        Assert.Equal("a8db", queue.GameDueForPage(1));
        queue.MarkPaged("a8db");
        Assert.Null(queue.GameDueForPage(1));

        // A waiting title's new listing was on no page yet: its game is due again, and a waiter is woken for it.
        var waiting = queue.WaitForGameDueForPageAsync(1, Ct);
        await Task.Delay(50, Ct);
        Assert.False(waiting.IsCompleted, "a page was due with nothing new");
        queue.Add("rust", [Listed("r4", "Jacket", 250, now)]);
        Assert.Equal("rust", await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Equal(4, queue.Count);
        queue.MarkPaged("rust");

        // What the page told: two of rust's titles; a8db's title of the same name stays, it is another game's.
        queue.Add("a8db", [Listed("c2", "Mask", 7_000, now)]);
        var told = queue.TakeKnown("rust", t => t is "Mask" or "Boots");
        Assert.Equal(["Boots", "Mask"], told.Select(t => t.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["r2"], told.Single(t => t.Title == "Mask").Listings.Select(l => l.OfferId));
        Assert.Equal(3, queue.Count);
        Assert.Equal("a8db", queue.GameDueForPage(1));
        var next = await TakeAnyAsync(queue);
        Assert.Equal(("a8db", "Mask"), (next.Game, next.Title));
    }

    [Fact]
    public async Task AReservedLookupTakesOnlyATitleFromItsPriceAndLeavesCheaperOnesQueued()
    {
        var (queue, time) = NewQueue();
        var now = time.GetUtcNow();
        queue.Add("rust", [Listed("cheap", "Cheap", 900, now)]);

        // Nothing from $100 waits: none is taken within the wait, and the cheaper title stays for a later permit.
        Assert.Null(await queue.TakeAsync(10_000, TimeSpan.FromMilliseconds(50), Ct));
        Assert.Equal(1, queue.Count);

        // A title from that price added while a reserved lookup waits is taken at once, though the wait is long.
        var taking = queue.TakeAsync(10_000, TimeSpan.FromMinutes(5), Ct);
        queue.Add("tf2", [Listed("dear", "Dear", 74_500, now)]);
        var dear = await taking.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(("tf2", "Dear"), (dear?.Game, dear?.Title));

        // Unreserved, the cheaper title goes.
        Assert.Equal("Cheap", (await queue.TakeAsync(0, TimeSpan.Zero, Ct))?.Title);
        Assert.Equal(0, queue.Count);
    }
}
