using System.Collections.Concurrent;

namespace DMarketAspire.UnitTests.Scanner;

/// <summary>
/// Holds back the continuations posted to it until the test runs them, so a waiter woken on another thread cannot act
/// between two of the test's own steps.
/// </summary>
internal sealed class ManualSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _posted = new();

    public override void Post(SendOrPostCallback d, object? state) => _posted.Enqueue((d, state));

    /// <summary>Starts <paramref name="start"/> with this context current: what it awaits comes back only through <see cref="RunUntilDoneAsync"/>.</summary>
    public T Capture<T>(Func<T> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>
    /// Runs what is posted until <paramref name="task"/> is done. A continuation may be posted a moment after the wake-up
    /// that caused it (from the thread pool), so this keeps looking until then.
    /// </summary>
    public async Task<T> RunUntilDoneAsync<T>(Task<T> task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!task.IsCompleted && DateTime.UtcNow < deadline)
        {
            while (_posted.TryDequeue(out var posted))
            {
                posted.Callback(posted.State);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        return await task.WaitAsync(TimeSpan.Zero, cancellationToken);
    }
}
