namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// A title a sales fetcher took from <see cref="SalesRefreshQueue"/> and holds while it waits for its request to be
/// granted. Until then the queue may still give it to a fetcher granted first, which leaves its own title in its place
/// (<see cref="SalesRefreshQueue.Exchange"/>). Changed only under the queue's lock.
/// </summary>
public sealed class HeldTitle
{
    internal HeldTitle(string game, string title, long itemId, double promise) => Set(game, title, itemId, promise);

    public string Game { get; private set; } = "";

    public string Title { get; private set; } = "";

    public long ItemId { get; private set; }

    public double Promise { get; private set; }

    internal (string Game, string Title) Key => (Game, Title);

    internal (string Game, string Title, long ItemId, double Promise) Contents => (Game, Title, ItemId, Promise);

    internal void Set(string game, string title, long itemId, double promise) => (Game, Title, ItemId, Promise) = (game, title, itemId, promise);

    internal void Raise(double promise) => Promise = Math.Max(Promise, promise);
}
