namespace DMarketAspire.Scanner.Scanning;

/// <summary>The offer ids a game's fresh-listings pass has seen, the oldest forgotten past a capacity.</summary>
public sealed class SeenOffers(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>False until the first look: then only one page is read (the sweeps cover the market as it was).</summary>
    public bool Primed { get; set; }

    public int Count => _ids.Count;

    /// <summary>
    /// New listings whose title's book the last look had no room to read (<see cref="ScannerOptions.FreshBookTitlesPerLook"/>):
    /// the next look prices them, their titles' books first.
    /// </summary>
    public IReadOnlyList<Listing> AwaitingBooks { get; set; } = [];

    public bool Contains(string offerId) => _ids.Contains(offerId);

    /// <summary>True when the id is new.</summary>
    public bool Add(string offerId)
    {
        if (!_ids.Add(offerId))
        {
            return false;
        }

        _order.Enqueue(offerId);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
