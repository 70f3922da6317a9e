using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Scanning;

namespace DMarketAspire.UnitTests.Scanner;

/// <summary>When a book of a listing's title says the listing has left: read past the grace after a page showed it, with no offer at or under its price.</summary>
public sealed class ListingDepartureTests
{
    private static readonly DateTimeOffset SeenAt = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(4, 1_250L, 3, false)] // its price is still the best offer
    [InlineData(4, 1_100L, 3, false)] // a cheaper listing: the book cannot tell whether this one is still there
    [InlineData(4, 1_300L, 3, true)] // the best offer is dearer: this one left
    [InlineData(4, null, 0, true)] // no offer at all
    [InlineData(2, 1_300L, 3, false)] // read within the grace: the book may not show a listing that new
    [InlineData(-1, null, 0, false)] // read before the page showed it
    public void ABookReadPastTheGraceWithNoOfferAtOrUnderTheListingsPriceSaysItLeft(int bookSecondsAfter, long? bestOfferCents, long offers, bool left)
    {
        var book = new OrderBook(900, 4, bestOfferCents, offers);

        Assert.Equal(left, ListingDeparture.HasLeft(book, SeenAt.AddSeconds(bookSecondsAfter), 1_250, SeenAt, Grace));
    }

    [Fact]
    public void WhatTheReplicaRemembersJudgesAListingOnlyWithABookItRead()
    {
        var listing = new Listing("offer-1", "Crate", 1_250, default, ItemAttributes.None, SeenAt);
        var memory = new MarketMemory();
        Assert.False(ListingDeparture.HasLeft(memory.Recall("rust", "Crate"), listing, Grace));

        // A sweep saw the title's suggested price, but no book was read: nothing to judge by.
        memory.RememberSuggested("rust", [new MarketItem("item-2", "offer-2", "rust", "Crate", 1_400, 1_500, null, null, ItemAttributes.None, true, SeenAt)]);
        Assert.False(ListingDeparture.HasLeft(memory.Recall("rust", "Crate"), listing, Grace));

        memory.RememberBooks("rust", [new AggregatedPrice("Crate", 900, 4, 1_400, 1)], SeenAt.AddSeconds(5));
        Assert.True(ListingDeparture.HasLeft(memory.Recall("rust", "Crate"), listing, Grace));
        // A listing the page showed later than that book was read is not judged by it.
        Assert.False(ListingDeparture.HasLeft(memory.Recall("rust", "Crate"), listing with { SeenAt = SeenAt.AddSeconds(4) }, Grace));
    }
}
