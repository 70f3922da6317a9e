namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>One granted request. <see cref="Complete"/> (or disposal) says it is answered: it can land in no later second.</summary>
public abstract class DMarketPermit : IDisposable
{
    private int _completed;

    public void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            OnCompleted();
        }
    }

    public void Dispose()
    {
        Complete();
        GC.SuppressFinalize(this);
    }

    protected abstract void OnCompleted();
}
