namespace DMarketAspire.BotService.Notifications;

/// <summary>Wakes the sender when the planner has committed new notifications (both run in the leader).</summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
