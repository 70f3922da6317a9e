namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Wakes a queue's waiting taker when something is added. The taker looks at the whole queue once woken, so the adds
/// counted while it was busy are forgotten: a cold start's thousands would otherwise make it look again once for each.
/// </summary>
public sealed class AddSignal
{
    private readonly SemaphoreSlim _adds = new(0);

    public void Added() => _adds.Release();

    public Task WaitAsync(CancellationToken cancellationToken) => WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Returns false when nothing was added within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _adds.WaitAsync(timeout, cancellationToken))
        {
            return false;
        }

        while (_adds.Wait(0))
        {
        }

        return true;
    }
}
