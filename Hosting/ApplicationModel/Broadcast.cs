using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Hands every published item to every current watcher; a watcher may start with a snapshot of the present.</summary>
internal sealed class Broadcast<T>
{
    private readonly List<Channel<T>> _watchers = [];
    private readonly Lock _gate = new();

    /// <summary>Publishes under the broadcast's lock, after <paramref name="update"/> ran, so no watcher misses or doubles an item.</summary>
    public void Publish(T item, Action? update = null)
    {
        lock (_gate)
        {
            update?.Invoke();
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(item);
            }
        }
    }

    public async IAsyncEnumerable<T> WatchAsync(Func<IEnumerable<T>>? initial, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            foreach (var item in initial?.Invoke() ?? [])
            {
                channel.Writer.TryWrite(item);
            }

            _watchers.Add(channel);
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
