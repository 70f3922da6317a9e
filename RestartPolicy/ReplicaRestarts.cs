namespace Aspire.Hosting;

/// <summary>What the supervisor knows of one replica: its last state, its restarts, and whether it gave up.</summary>
internal sealed class ReplicaRestarts
{
    private readonly Queue<DateTimeOffset> _restarts = new();

    public string? LastState { get; set; }

    public bool GaveUp { get; set; }

    /// <summary>The process whose end was judged last: a repeat of that end is not another crash.</summary>
    public int? EndedProcessId { get; set; }

    public int Total { get; private set; }

    /// <summary>Restarts within <paramref name="window"/> before <paramref name="now"/>; older ones are forgotten.</summary>
    public int Recent(DateTimeOffset now, TimeSpan window)
    {
        while (_restarts.Count > 0 && now - _restarts.Peek() > window)
        {
            _restarts.Dequeue();
        }

        return _restarts.Count;
    }

    public void Restarted(DateTimeOffset at)
    {
        _restarts.Enqueue(at);
        Total++;
    }

    /// <summary>Someone started it by hand after it gave up: a fresh start, with a fresh allowance.</summary>
    public void StartedByHand()
    {
        GaveUp = false;
        _restarts.Clear();
    }
}
