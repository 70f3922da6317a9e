using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>The scanner's meter; the DMarket client's request and 429 counters are published on it too (DMarket:MeterName).</summary>
public sealed class ScannerMetrics
{
    public const string MeterName = "DMarketAspire.Scanner";

    private readonly Histogram<double> _scanDuration;
    private readonly Counter<long> _offersPriced;
    private readonly Counter<long> _opportunitiesFound;
    private readonly Counter<long> _scanFailures;
    private readonly Counter<long> _freshListings;
    private readonly Counter<long> _titlesLookedUp;
    private readonly Counter<long> _discountPages;
    private readonly Histogram<double> _freshRound;
    private readonly Counter<long> _freshLeads;
    private readonly Histogram<double> _listingRecorded;
    private readonly Counter<long> _listingsWatched;
    private readonly Counter<long> _listingsGone;
    private readonly Counter<long> _listingsLeft;
    private readonly ConcurrentDictionary<string, int> _active = new();

    public ScannerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _scanDuration = meter.CreateHistogram<double>("scanner.scan.duration", "s", "How long one scan of a game and level took.");
        _offersPriced = meter.CreateCounter<long>("scanner.offers.priced", "{offer}", "Offers run through the pricing engine.");
        _opportunitiesFound = meter.CreateCounter<long>("scanner.opportunities.found", "{opportunity}", "New opportunities recorded.");
        _scanFailures = meter.CreateCounter<long>("scanner.scans.failed", "{scan}", "Scans that ended in an error.");
        _freshListings = meter.CreateCounter<long>("scanner.fresh.listings", "{listing}", "New listings the fresh-listings pass saw.");
        _titlesLookedUp = meter.CreateCounter<long>("scanner.fresh.lookups", "{title}", "Titles the fresh-listings pass looked up, knowing nothing of them.");
        _discountPages = meter.CreateCounter<long>("scanner.fresh.discount_pages", "{page}",
            "Pages of the most discounted listings the fresh-listings pass read, meeting titles nothing was known of.");
        _freshRound = meter.CreateHistogram<double>("scanner.fresh.round.duration", "s", "One fresh-listings round over every game.");
        _freshLeads = meter.CreateCounter<long>("scanner.fresh.leads", "{lead}",
            "Times this replica took the lead of the fresh-listings pass; after the first, each is a lost lease (a catch-up look follows).");
        _listingRecorded = meter.CreateHistogram<double>("scanner.listing.recorded_after", "s",
            "From a new listing's creation to its opportunity being recorded, by how it was priced (fresh: at once; sales: once its title's sales came).");
        _listingsWatched = meter.CreateCounter<long>("scanner.watch.checked", "{opportunity}", "Active opportunities whose listing the listing watch checked.");
        _listingsGone = meter.CreateCounter<long>("scanner.watch.gone", "{opportunity}", "Active opportunities the listing watch found sold, delisted or repriced up.");
        _listingsLeft = meter.CreateCounter<long>("scanner.listings.left_before_recorded", "{listing}",
            "Listings not priced because a book read after a page showed them said they had left: a sweep's (any it paged), or underpriced ones of the fresh pass and the sales refresher.");
        meter.CreateObservableGauge("scanner.opportunities.active", () => _active.Select(a => new Measurement<int>(a.Value, new KeyValuePair<string, object?>("scanner.unit", a.Key))),
            "{opportunity}", "Active opportunities per game and level, as of the last scan.");
    }

    public void ScanCompleted(ScanUnit unit, TimeSpan duration, int offersPriced, int found, int active)
    {
        var tags = new TagList { { "dmarket.game", unit.GameId }, { "scanner.level", unit.Level.Name } };
        _scanDuration.Record(duration.TotalSeconds, tags);
        _offersPriced.Add(offersPriced, tags);
        _opportunitiesFound.Add(found, tags);
        _active[unit.Key] = active;
    }

    public void FreshListingsSeen(string gameId, int count) => _freshListings.Add(count, new KeyValuePair<string, object?>("dmarket.game", gameId));

    public void TitleLookedUp(string gameId) => _titlesLookedUp.Add(1, new KeyValuePair<string, object?>("dmarket.game", gameId));

    public void DiscountPageRead(string gameId) => _discountPages.Add(1, new KeyValuePair<string, object?>("dmarket.game", gameId));

    public void FreshRoundCompleted(TimeSpan duration) => _freshRound.Record(duration.TotalSeconds);

    public void FreshLeadTaken() => _freshLeads.Add(1);

    public void ListingRecorded(string gameId, string source, TimeSpan after) =>
        _listingRecorded.Record(after.TotalSeconds, new TagList { { "dmarket.game", gameId }, { "scanner.source", source } });

    public void ListingsWatched(string gameId, int checkedCount, int gone)
    {
        var game = new KeyValuePair<string, object?>("dmarket.game", gameId);
        _listingsWatched.Add(checkedCount, game);
        _listingsGone.Add(gone, game);
    }

    public void ListingsLeftBeforeRecorded(string gameId, string source, int count)
    {
        if (count > 0)
        {
            _listingsLeft.Add(count, new TagList { { "dmarket.game", gameId }, { "scanner.source", source } });
        }
    }

    public void ScanFailed(ScanUnit unit) =>
        _scanFailures.Add(1, new TagList { { "dmarket.game", unit.GameId }, { "scanner.level", unit.Level.Name } });
}
