using DMarketAspire.Scanner.Scanning;

namespace DMarketAspire.UnitTests.Scanner;

/// <summary>The titles whose sales are wanted: the most promising first, and every waiting fetcher served.</summary>
public sealed class SalesRefreshQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheMostPromisingTitleIsTakenFirstAndAHigherPromiseReplacesALowerOne()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        queue.Want("rust", [("Low", 1, 1.1), ("High", 2, 1.5)]);
        queue.Want("rust", [("Low", 1, 12.0), ("High", 2, 1.2)]);

        Assert.Equal(["Low", "High"], [(await queue.TakeAsync(Ct)).Title, (await queue.TakeAsync(Ct)).Title]);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task TheFreshListingsFetcherTakesOnlyTitlesThatJumpedTheQueueAndIsWokenByOne()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        queue.Want("rust", [("Swept", 1, 1.8)]);
        queue.WantLater("rust", "Retried", 2, 11.5, TimeSpan.FromMinutes(10));
        var urgent = queue.TakeUrgentAsync(10, Ct);
        await Task.Delay(50, Ct);
        Assert.False(urgent.IsCompleted, "took a title no fresh listing waits on, or one before its time");

        // The addition hands it the most promising such title, which no other fetcher takes; the rest go to whoever is
        // free first.
        queue.Want("a8db", [("Fresh", 3, 11.2), ("Fresher", 4, 11.6), ("Freshest", 5, 11.9)]);
        Assert.Equal("Fresher", (await queue.TakeAsync(Ct)).Title);
        Assert.Equal("Fresh", (await queue.TakeAsync(Ct)).Title);
        Assert.Equal("Swept", (await queue.TakeAsync(Ct)).Title);
        Assert.Equal("Freshest", (await urgent.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Title);

        // Not waiting, it is handed nothing: a new such title is anyone's.
        queue.Want("rust", [("Newer", 6, 11.4)]);
        Assert.Equal("Newer", (await queue.TakeAsync(Ct)).Title);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task OneAdditionOfSeveralTitlesWakesEveryWaitingFetcher()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        var fetchers = Enumerable.Range(0, 3).Select(_ => queue.TakeAsync(Ct)).ToList();
        await Task.Delay(50, Ct);
        Assert.All(fetchers, f => Assert.False(f.IsCompleted));

        queue.Want("a8db", [("One", 1, 2.0), ("Two", 2, 1.5), ("Three", 3, 1.2)]);
        var taken = await Task.WhenAll(fetchers).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(["One", "Three", "Two"], taken.Select(t => t.Title).Order());
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task ATitleTriedAgainLaterWaitsForItsTimeWhileTitlesWantedNowGoFirst()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        var delay = TimeSpan.FromMilliseconds(400);
        var started = System.Diagnostics.Stopwatch.StartNew();
        queue.WantLater("rust", "Later", 1, 100.0, delay);
        queue.Want("rust", [("Now", 2, 1.0)]);

        Assert.Equal("Now", (await queue.TakeAsync(Ct)).Title);
        var later = await queue.TakeAsync(Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(("Later", 1L, 100.0), (later.Title, later.ItemId, later.Promise));
        Assert.True(started.Elapsed >= delay - TimeSpan.FromMilliseconds(20), $"taken after {started.Elapsed}, before its time");
    }

    [Fact]
    public async Task ATitleWantedNowIsNotHeldBackByAnEarlierAskToTryItLater()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        var waiting = queue.TakeAsync(Ct);
        queue.WantLater("rust", "Title", 1, 3.0, TimeSpan.FromMinutes(10));
        queue.Want("rust", [("Title", 1, 2.0)]);

        var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        // Wanted at once, with the better of the two promises.
        Assert.Equal(("Title", 3.0), (taken.Title, taken.Promise));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task AFetcherGrantedItsRequestSendsATitleThatJumpedTheQueueMeanwhileAndPutsItsOwnBack()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        queue.Want("rust", [("Swept", 1, 1.8), ("Less", 2, 1.2)]);
        var held = await queue.TakeAsync(Ct);

        // Nothing better came while it waited: it sends what it holds.
        Assert.Equal(("rust", "Swept", 1L, 1.8), queue.Exchange(held));

        held = await queue.TakeAsync(Ct);
        queue.Want("a8db", [("Fresh", 3, 11.4)]);
        queue.WantLater("rust", "Retried", 4, 12.0, TimeSpan.FromMinutes(10));
        Assert.Equal(("a8db", "Fresh", 3L, 11.4), queue.Exchange(held));

        // The held title is wanted as before; the one asked for later is still not taken before its time.
        Assert.Equal("Less", (await queue.TakeAsync(Ct)).Title);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task AGrantedFetcherSendsATitleAnotherFetcherHoldsWhileItWaitsAndLeavesItsOwnInItsPlace()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        queue.Want("rust", [("Swept", 1, 1.8), ("Less", 2, 1.2)]);
        var first = await queue.TakeAsync(Ct);
        var second = await queue.TakeAsync(Ct);

        // A listing's title, taken by a third fetcher as it freed up: whoever is granted first sends it.
        queue.Want("rust", [("Fresh", 3, 11.4)]);
        var third = await queue.TakeAsync(Ct);
        Assert.Equal("Fresh", queue.Exchange(second).Title);
        Assert.Equal("Less", third.Title);
        Assert.Equal("Swept", queue.Exchange(first).Title);
        Assert.Equal("Less", queue.Exchange(third).Title);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task ATitleAFetcherHoldsIsRaisedWhenWantedAgainNotQueuedTwiceAndGoesBackWhenNotSent()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        queue.Want("rust", [("Swept", 1, 1.8), ("Less", 2, 1.2)]);
        var first = await queue.TakeAsync(Ct);
        var second = await queue.TakeAsync(Ct);

        queue.Want("rust", [("Less", 2, 11.2)]);
        Assert.Equal(0, queue.Count);
        Assert.Equal(("rust", "Less", 2L, 11.2), queue.Exchange(first));

        // Its request not granted, the fetcher gives back what it holds (the other's title now).
        queue.Return(second);
        var back = await queue.TakeAsync(Ct);
        Assert.Equal(("Swept", 1L, 1.8), (back.Title, back.ItemId, back.Promise));
    }

    [Fact]
    public async Task AnExchangeLeavesTheTitleHandedToTheWaitingFreshListingsFetcher()
    {
        var queue = new SalesRefreshQueue(TimeProvider.System);
        queue.Want("rust", [("Swept", 1, 1.8)]);
        var held = await queue.TakeAsync(Ct);
        // The fresh listings' fetcher wakes only when the test lets it: once woken it holds the title, and a title held
        // is another fetcher's to exchange (a clean-clone run woke it first, and the exchange took the title from it).
        var context = new ManualSynchronizationContext();
        var urgent = context.Capture(() => queue.TakeUrgentAsync(10, Ct));

        // The addition hands the fresh listings' fetcher its title: the sweeps' fetcher keeps its own.
        queue.Want("rust", [("Fresh", 2, 11.5)]);
        Assert.Equal(("rust", "Swept", 1L, 1.8), queue.Exchange(held));
        Assert.Equal("Fresh", (await context.RunUntilDoneAsync(urgent, TimeSpan.FromSeconds(5), Ct)).Title);
    }
}
