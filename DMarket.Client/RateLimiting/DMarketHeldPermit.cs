namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// A permit taken before the caller chose what to send. A worker that picks its work first holds it through the wait
/// for the budget, however urgent the work that comes meanwhile; one that waits for its permit first picks the most
/// urgent work once it may send, and sends it at once. The next request of the permit's group in this flow spends it
/// instead of asking the limiter; one left unspent is given back (completed) when the scope ends.
/// </summary>
public static class DMarketHeldPermit
{
    private static readonly AsyncLocal<Holder?> Current = new();

    /// <summary>The next request of <paramref name="group"/> sent until the returned scope is disposed spends <paramref name="permit"/>.</summary>
    public static IDisposable Hold(DMarketRateLimitGroup group, DMarketPermit permit)
    {
        var holder = new Holder(group, permit, Current.Value);
        Current.Value = holder;
        return holder;
    }

    /// <summary>The held permit, once, if it is of <paramref name="group"/>.</summary>
    internal static DMarketPermit? Take(DMarketRateLimitGroup group) =>
        Current.Value is { } holder && holder.Group == group ? holder.TakePermit() : null;

    private sealed class Holder(DMarketRateLimitGroup group, DMarketPermit permit, Holder? previous) : IDisposable
    {
        private DMarketPermit? _permit = permit;

        public DMarketRateLimitGroup Group { get; } = group;

        public DMarketPermit? TakePermit() => Interlocked.Exchange(ref _permit, null);

        public void Dispose()
        {
            Current.Value = previous;
            TakePermit()?.Dispose();
        }
    }
}
