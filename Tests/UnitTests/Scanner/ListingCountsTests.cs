using DMarketAspire.Scanner.Scanning;

namespace DMarketAspire.UnitTests.Scanner;

/// <summary>How suspect a title is: how many of its listings left since its last check, against how many it has.</summary>
public sealed class ListingCountsTests
{
    [Fact]
    public void AFallInATitlesListingCountMakesItSuspectUntilCleared()
    {
        var counts = new ListingCounts();
        counts.Observe("rust", "Crate", 10);
        Assert.Equal(0, counts.Suspicion("rust", "Crate", 1));

        counts.Observe("rust", "Crate", 12);
        Assert.Equal(0, counts.Suspicion("rust", "Crate", 1));

        counts.Observe("rust", "Crate", 11);
        var once = counts.Suspicion("rust", "Crate", 1);
        Assert.InRange(once, 0.08, 0.09);
        Assert.Equal(0, counts.Suspicion("a8db", "Crate", 1));

        // Listings keep leaving: more suspect, however many new ones came meanwhile.
        counts.Observe("rust", "Crate", 15);
        counts.Observe("rust", "Crate", 13);
        Assert.True(counts.Suspicion("rust", "Crate", 1) > once);

        counts.Cleared("rust", "Crate");
        Assert.Equal(0, counts.Suspicion("rust", "Crate", 1));
    }

    [Fact]
    public void ATitleWithFewListingsOrManyWatchedIsTheLikelierToHaveLostOne()
    {
        var counts = new ListingCounts();
        counts.Observe("rust", "Few", 3);
        counts.Observe("rust", "Few", 2);
        counts.Observe("rust", "Many", 30);
        counts.Observe("rust", "Many", 29);

        Assert.True(counts.Suspicion("rust", "Few", 1) > counts.Suspicion("rust", "Many", 1));
        Assert.True(counts.Suspicion("rust", "Many", 3) > counts.Suspicion("rust", "Many", 1));
        Assert.Equal(1, counts.Suspicion("rust", "Few", 3));
    }

    [Fact]
    public void ATitleNoLongerWatchedIsForgottenSoItsNextCountStartsAfresh()
    {
        var counts = new ListingCounts();
        counts.Observe("rust", "Crate", 10);
        counts.Observe("rust", "Crate", 9);
        counts.Observe("rust", "Box", 5);

        counts.Forget("rust", new HashSet<string>(["Box"]));
        Assert.Equal(0, counts.Suspicion("rust", "Crate", 1));

        counts.Observe("rust", "Crate", 3);
        Assert.Equal(0, counts.Suspicion("rust", "Crate", 1));
        counts.Observe("rust", "Box", 4);
        Assert.True(counts.Suspicion("rust", "Box", 1) > 0);
    }

    [Fact]
    public void AGamesCountsTakenFromTheLastRoundReplaceWhatThisReplicaKnewAndLeaveOtherGamesAlone()
    {
        var counts = new ListingCounts();
        counts.Observe("rust", "Stale", 4);
        counts.Observe("a8db", "Knife", 7);

        counts.Replace("rust", [new TitleListingCount("Crate", 10, 0)]);
        Assert.Equal([new TitleListingCount("Crate", 10, 0)], counts.Of("rust"));
        Assert.Equal([new TitleListingCount("Knife", 7, 0)], counts.Of("a8db"));

        // A listing that left while another replica watched counts from where it left off.
        counts.Observe("rust", "Crate", 9);
        Assert.True(counts.Suspicion("rust", "Crate", 1) > 0);
        Assert.Equal([new TitleListingCount("Crate", 9, 1)], counts.Of("rust"));
    }
}
