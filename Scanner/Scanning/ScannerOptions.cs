using System.ComponentModel.DataAnnotations;
using DMarketAspire.DMarket.Client;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>Bound from the <c>Scanner</c> section.</summary>
public sealed class ScannerOptions
{
    public const string SectionName = "Scanner";

    /// <summary>Empty means all four; configured games replace that (the binder appends to a non-empty list).</summary>
    public List<string> Games { get; set; } = [];

    public IReadOnlyList<string> EffectiveGames => Games.Count > 0 ? Games : DMarketGames.All;

    /// <summary>Names this replica in leases and scans; by default machine, process and a random suffix.</summary>
    public string? ReplicaId { get; set; }

    /// <summary>Units (game × level) this replica scans at once: one pages the market while another fetches sales.</summary>
    [Range(1, 16)]
    public int ConcurrentUnits { get; set; } = 3;

    /// <summary>A unit's lease lasts this long unless renewed (every third of it while scanning).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a scan, the unit rests this long before anyone scans it again.</summary>
    public TimeSpan UnitCooldown { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait when every unit is leased by someone else.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Sales of a title are fetched again after this long (Redis TTL).</summary>
    public TimeSpan SalesCacheTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A game's fee table is fetched again after this long (Redis TTL); DMarket changes it daily.</summary>
    public TimeSpan FeesCacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most one price snapshot per title in this interval.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sales fetches in flight at once (DMarket allows 6 per second).</summary>
    [Range(1, 32)]
    public int SalesFetchConcurrency { get; set; } = 4;

    /// <summary>How long the scanner waits at start for the migration step to bring the schema up to date.</summary>
    public TimeSpan MigrationWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Use Redis to share the DMarket budget and split work across replicas (false: this replica alone).</summary>
    public bool ShareRateLimitThroughRedis { get; set; } = true;

    public string RedisKeyPrefix { get; set; } = "dmarket:scanner:";

    /// <summary>Whether one replica keeps looking at every game's newest listings besides the full sweeps.</summary>
    public bool FreshListings { get; set; } = true;

    /// <summary>The rate-limit lane the fresh-listings pass spends.</summary>
    public string FreshLane { get; set; } = "fresh";

    /// <summary>
    /// The share of the market-items budget (10/s) kept for the fresh-listings pass; the full sweeps get the rest. Becomes
    /// the lane <c>DMarket:RateLimits:Lanes:fresh</c> unless that is configured itself.
    /// </summary>
    [Range(0.1, 0.9)]
    public double FreshShare { get; set; } = 0.5;

    /// <summary>
    /// Titles whose books one look reads, at most (DMarket answers for 100 a request): the titles with promising listings
    /// and old books first, then titles never seen, those a look before had no room for first, then the costliest. The
    /// rest wait for the next look. In the first minute almost every title is new: two book requests a look for 150 new
    /// listings made every round 16 requests, 4 s in the pass's lane, and the next round met more new listings still.
    /// </summary>
    [Range(1, 10_000)]
    public int FreshBookTitlesPerLook { get; set; } = 100;

    /// <summary>Listings per page of the newest-first search.</summary>
    [Range(1, 100)]
    public int FreshPageSize { get; set; } = 100;

    /// <summary>
    /// At most this many pages per game per round; a busier market's overflow is the sweeps' to find. Measured at 20,000
    /// listings a game: 10 pages (room to catch up) made every round longer and the whole Scanner slower (market-items
    /// quota 81.5% against 97.8%, new listings seen later); 3 keep rounds short.
    /// </summary>
    [Range(1, 20)]
    public int FreshMaxPages { get; set; } = 3;

    /// <summary>
    /// The fresh pass's lease, renewed every third of it while the pass runs: shorter than the sweeps' units', because a
    /// replica that dies holding it (its owner id names the process) keeps everyone from looking until it lapses.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FreshLeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A new leader of the fresh pass (a restart, another replica) pages back to the newest listing the last one saw
    /// (<see cref="FreshWatermarks"/>) when that was at most this long ago; an older gap is the sweeps'. Zero turns it off.
    /// </summary>
    public TimeSpan FreshResumeMaxGap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Pages a new leader reads per game to reach the last leader's newest listing (once; the rounds after it read
    /// <see cref="FreshMaxPages"/>). About 15 s of a 20,000-listing game's churn fill up to 9.
    /// </summary>
    [Range(1, 100)]
    public int FreshCatchUpMaxPages { get; set; } = 20;

    /// <summary>The shortest round over all games (the lane's budget usually paces them; this keeps an idle one from spinning).</summary>
    public TimeSpan FreshRoundInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A promising new listing's order book is read again when the one known (from a sweep or an earlier look) is older
    /// than this; younger, it prices the listing at once. Buy orders change far more slowly than listings come and go.
    /// </summary>
    public TimeSpan FreshBookMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At most this many title lookups a minute over all games (<see cref="TitleLookupWorker"/>), from the sweeps' share of
    /// the market-items budget: a cold start meets thousands of unknown titles, the sweeps learn those. Zero turns it off.
    /// </summary>
    [Range(0, 600)]
    public int FreshLookupsPerMinute { get; set; } = 30;

    /// <summary>
    /// Lookups the pace keeps for the costliest titles (a listing of at least <see cref="FreshLookupReservedFromCents"/>):
    /// cheaper titles are looked up only while more are left. Spent as they came, every lookup went to whatever was
    /// queued, and a $745 listing 40% under its worth waited for the next one (a lookup every 2 s): 4.4 s from the look
    /// that met it to its title's worth (README, "Freshness"). Zero: no lookup is kept; a minute's worth or more: only the
    /// costliest titles are looked up.
    /// </summary>
    [Range(0, 600)]
    public int FreshLookupReserve { get; set; } = 5;

    /// <summary>
    /// Titles with a listing of at least this many cents may spend the reserved lookups (<see cref="FreshLookupReserve"/>).
    /// At $100 about a quarter of the titles a look meets knowing nothing (measured at market scale: 22 a minute, under
    /// the 30 lookups a minute); cheaper ones wait for their game's most discounted page or for what the reserve leaves.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long FreshLookupReservedFromCents { get; set; } = 10_000;

    /// <summary>
    /// Listings of DMarket's most discounted page (<c>best_discount</c>: furthest under their title's suggested price) read
    /// for a game whose unknown titles wait (<see cref="TitleLookupWorker"/>): one request tells the suggested price of the
    /// likeliest opportunities among them, where a lookup tells one title's. Zero turns it off.
    /// </summary>
    [Range(0, 100)]
    public int FreshDiscountPageSize { get; set; } = 100;

    /// <summary>
    /// Most discounted pages a minute at most, over all games, once the Scanner's first minutes
    /// (<see cref="FreshColdStartPagesFor"/>) are over; in their own lane (<see cref="FreshPagesShare"/>). A page is read
    /// only when titles came since the game's last one, so at most one a look: every permit in the first minutes of a
    /// cold start, when a look meets ten unknown titles, then a few a minute once the sweeps have read the market. Zero
    /// turns them off.
    /// </summary>
    [Range(0, 600)]
    public int FreshDiscountPagesPerMinute { get; set; } = 30;

    /// <summary>
    /// Most discounted pages a minute at most in the Scanner's first minutes (<see cref="FreshColdStartPagesFor"/>), when
    /// most titles a look meets are unknown and a new listing on one waits for its game's next page: 120, in their own
    /// lane (<see cref="FreshPagesShare"/>), is a page per game every 2 s (README, "Freshness").
    /// </summary>
    [Range(0, 600)]
    public int FreshColdStartPagesPerMinute { get; set; } = 120;

    /// <summary>How long after start-up the pages keep <see cref="FreshColdStartPagesPerMinute"/>.</summary>
    public TimeSpan FreshColdStartPagesFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Titles of one game that must have come since its last most discounted page for the next one to be read: one means
    /// every unknown title is on a page within a permit of the look that met it.
    /// </summary>
    [Range(1, 100_000)]
    public int FreshDiscountPageMinTitles { get; set; } = 1;

    /// <summary>
    /// Share of the market-items budget kept for the most discounted pages (the lane <see cref="FreshPagesLane"/>), taken
    /// from the sweeps', who get back what the pages leave unspent in each second from <see cref="FreshPagesLendAfter"/>
    /// on. Queued behind the sweeps' requests, pages came every 7 s per game at any pace (measured with 120 a minute
    /// allowed: 0.6 a second read), and a cold start's listings on titles nothing is known of waited that long. Zero:
    /// pages spend the sweeps' share, as before.
    /// </summary>
    [Range(0.0, 0.3)]
    public double FreshPagesShare { get; set; } = 0.2;

    /// <summary>
    /// The rate-limit lane the most discounted pages spend (<see cref="FreshPagesShare"/>), and the title lookups once the
    /// pages' first minutes (<see cref="FreshColdStartPagesFor"/>), which take the whole lane, are over: queued behind the
    /// sweeps' requests (and a permit every 2 s), a lookup told its title's worth 1.7–2.2 s (median) after the look.
    /// </summary>
    public string FreshPagesLane { get; set; } = "fresh-pages";

    /// <summary>How far into each second the pages' unspent requests are lent to the sweeps; 1 s or more: never.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan FreshPagesLendAfter { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether the most discounted pages and the title lookups have a lane of their own.</summary>
    public bool ReservesPagesLane => TellsUnknownTitles && FreshPagesShare > 0;

    /// <summary>Whether most discounted pages are read at all.</summary>
    public bool ReadsDiscountPages => FreshDiscountPageSize > 0 && FreshDiscountPagesPerMinute > 0;

    /// <summary>Whether titles nothing is known of are queued for a lookup or a most discounted page.</summary>
    public bool TellsUnknownTitles => FreshLookupsPerMinute > 0 || ReadsDiscountPages;

    /// <summary>
    /// Titles waiting to be looked up, at most; past it the cheapest are left to the sweeps. A waiting title is judged as
    /// soon as a most discounted page or a sweep tells its worth, whatever its price, so a cold start's thousands are
    /// kept: at 1,000 a $1.13 listing 40% under its worth was dropped at once (7 freshness runs: 47–119 s, or missed).
    /// </summary>
    [Range(1, 100_000)]
    public int FreshLookupBacklog { get; set; } = 10_000;

    /// <summary>
    /// A title is looked up only while a listing of it is younger than this. A cold start queues thousands of titles, and
    /// the costliest of them, minutes old, took every lookup from the new listings: sold by then, or priced by a sweep.
    /// Older titles stay queued for a most discounted page or a sweep to tell.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FreshLookupMaxListingAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A title looked up is not looked up again for this long; a sweep or its sales tell more in the meantime.</summary>
    public TimeSpan FreshLookupMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Listings a title lookup reads (cheapest first, from the asking listing's price): the listing that asked, the next
    /// ask, and room for other titles DMarket's search matches. One request whatever the size, so DMarket's most.
    /// </summary>
    [Range(2, 100)]
    public int FreshLookupPageSize { get; set; } = 100;

    /// <summary>Offer ids remembered per game, to tell new listings from seen ones.</summary>
    [Range(100, 1_000_000)]
    public int FreshSeenCapacity { get; set; } = 20_000;

    /// <summary>A listing looks underpriced at this share of its reference price or less (best bid, suggested, other asks, sales).</summary>
    [Range(0.1, 1.0)]
    public double UnderpricedRatio { get; set; } = 0.9;

    /// <summary>Added to a fresh listing's promise in the sales queue, so it is fetched before anything a sweep asked for.</summary>
    [Range(0.0, 1000.0)]
    public double FreshPriorityBoost { get; set; } = 10;

    /// <summary>
    /// The share of the last-sales budget (6/s) kept for listings only their title's sales can judge (the fresh listings
    /// that jump the queue), fetched by a fetcher of their own; 0 turns it off. Sharing the budget with the sweeps'
    /// titles, they waited for a fetcher and the next second's budget: 0.9 s median from sent to priced, 0.12 s with two
    /// requests a second kept (one was less than the 1–2.3 a second that jump, and changed nothing). Becomes the lane
    /// <c>DMarket:RateLimits:Lanes:fresh-sales</c> (at least one request a second) unless that is configured itself.
    /// </summary>
    [Range(0.0, 0.5)]
    public double FreshSalesShare { get; set; } = 0.34;

    /// <summary>The rate-limit lane the fresh listings' sales spend (<see cref="FreshSalesShare"/>).</summary>
    public string FreshSalesLane { get; set; } = "fresh-sales";

    /// <summary>
    /// How far into each second the requests <see cref="FreshSalesShare"/> keeps and no fresh listing has taken are lent to
    /// the sweeps' titles (<c>LendAfter</c> of the lane); 1 s or more: never. Kept whole, they went unspent whenever fewer
    /// listings jumped the queue than the lane sends (measured: 87–91% of the last-sales budget used, against 99.6%).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan FreshSalesLendAfter { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether listings that jump the sales queue have a fetcher and a lane of their own.</summary>
    public bool ReservesFreshSales => FreshSalesShare > 0 && FreshPriorityBoost > 0;

    /// <summary>
    /// A title whose sales could not be had (DMarket failed, or another replica is fetching them) is asked for again after
    /// this long while listings wait on it: no later look meets them again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SalesRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a listing waits for its title's sales before the next sweep is left to price it.</summary>
    public TimeSpan PendingMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// At start, the fresh pass recalls what each title sold for from the sales stored this long back (earlier runs), to
    /// rank new listings before any sweep has been by; only a ranking: the resale still comes from freshly fetched sales.
    /// </summary>
    public TimeSpan RecalledSalesMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// At start, the fresh pass recalls each title's order book stored this long back (earlier runs), as known but older
    /// than <see cref="FreshBookMaxAge"/>: its first rounds read books only for titles that have none and for listings
    /// that look underpriced (read again before they are priced), not for every title they meet. Zero recalls none.
    /// </summary>
    public TimeSpan RecalledBooksMaxAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How often a round of the listing watch starts (<see cref="ListingWatch"/>): a sold listing's opportunity turns
    /// Gone within about a round, not at its level's next sweep. A round longer than this (its lane paces it) is followed
    /// at once by the next, so the lane is spent. Zero turns the watch off. Measured at market scale (README,
    /// "Freshness"): the shown-but-sold share falls from about 20% to a few percent.
    /// </summary>
    public TimeSpan ListingWatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The rate-limit lane the listing watch spends: its own, so neither the fresh pass nor the sweeps' queue slows it or is slowed by it.</summary>
    public string ListingWatchLane { get; set; } = "watch";

    /// <summary>
    /// The share of the market-items budget (10/s) kept for the listing watch (at least one request a second); taken from
    /// the sweeps'. At 20,000 listings a game a round is about 8 requests: at 10% a round took 8 s and 3-5% of the shown
    /// opportunities were sold already; at 20%, 4 s.
    /// </summary>
    [Range(0.01, 0.5)]
    public double ListingWatchShare { get; set; } = 0.2;

    /// <summary>Titles checked per game per round (a request answers for 100): the most profitable opportunities' first.</summary>
    [Range(1, 10_000)]
    public int ListingWatchMaxTitles { get; set; } = 200;

    /// <summary>Active opportunities read per game per round, most profitable first.</summary>
    [Range(1, 100_000)]
    public int ListingWatchMaxOpportunities { get; set; } = 1_000;

    /// <summary>
    /// Title searches per game per round for opportunities the book cannot judge (above the title's cheapest listing),
    /// on titles whose listing count fell. Measured at 20,000 listings a game: about two of three shown-but-sold
    /// opportunities were such. Each search is a request of the watch's lane, so more make every round longer.
    /// </summary>
    [Range(0, 100)]
    public int ListingWatchSearches { get; set; } = 1;

    /// <summary>
    /// The listing watch's lease, renewed after each game's check: short for the same reason as
    /// <see cref="FreshLeaseDuration"/> (a replica killed holding it leaves sold listings shown until it lapses).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ListingWatchLeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the listing watch's counts are kept in Redis unwatched (<see cref="ListingCountsStore"/>): a Scanner down
    /// longer has had its opportunities' levels swept by another, or finds them at its own first sweeps.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ListingCountsMaxAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// An opportunity younger than this is not judged: a book read just after a listing appeared may not show it. Also how
    /// long after a page showed a listing a book must be read to say the listing has left (<see cref="ListingDeparture"/>).
    /// </summary>
    public TimeSpan ListingWatchGrace { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A listing a page showed longer ago than this (one that waited for its title's sales), found underpriced, has its
    /// title's book read again before it is shown, unless a book that recent is known: one that left meanwhile is not
    /// shown. The read spends the listing watch's lane. Zero: never read again (the listing watch judges it once shown).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RecheckListingsSeenBefore { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Redis channel announcing new outbox events (message: the newest event id); see <see cref="OpportunityEventsChannel"/>.</summary>
    public string OpportunityEventsChannel { get; set; } = DMarketAspire.Data.Domain.OpportunityChannels.Events;
}
