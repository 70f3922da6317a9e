namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// Which lane the DMarket calls of the current flow spend: a lane named in <c>DMarket:RateLimits:Lanes</c> has its own
/// share of a group's budget, so a steady background job (a full market sweep) can never starve an urgent one (the
/// fresh-listings pass), nor the other way round. Flows outside any lane share what the lanes leave.
/// </summary>
public static class DMarketRateLane
{
    public const string Default = "default";

    private static readonly AsyncLocal<string?> CurrentLane = new();

    public static string Current => CurrentLane.Value ?? Default;

    /// <summary>Calls made until the returned scope is disposed spend <paramref name="lane"/>.</summary>
    public static IDisposable Use(string lane)
    {
        var previous = CurrentLane.Value;
        CurrentLane.Value = lane;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentLane.Value = previous;
    }
}
