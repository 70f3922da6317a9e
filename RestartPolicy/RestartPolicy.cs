namespace Aspire.Hosting;

/// <summary>
/// How a resource that exits unexpectedly is started again: after <see cref="FirstDelay"/>, doubling up to
/// <see cref="MaxDelay"/>, at most <see cref="MaxRestarts"/> times within <see cref="Window"/>; past that it stays down
/// with the reason shown in the dashboard.
/// </summary>
public sealed record RestartPolicy
{
    public static RestartPolicy Default { get; } = new();

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRestarts { get; init; } = 5;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait before the restart that follows <paramref name="recentRestarts"/> restarts within the window.</summary>
    public TimeSpan DelayAfter(int recentRestarts)
    {
        var delay = FirstDelay;
        for (var i = 0; i < recentRestarts && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }
}
