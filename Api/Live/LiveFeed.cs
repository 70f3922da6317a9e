using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DMarketAspire.Api.Live;

/// <summary>Fans changes out to every connected page. A page too slow to keep up loses its oldest messages, never blocks others.</summary>
public sealed class LiveFeed
{
    private const int PerSubscriberBuffer = 256;

    private readonly ConcurrentDictionary<Guid, Channel<string>> _subscribers = new();

    public int Subscribers => _subscribers.Count;

    public (Guid Id, ChannelReader<string> Reader) Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(PerSubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return (id, channel.Reader);
    }

    public void Unsubscribe(Guid id)
    {
        if (_subscribers.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    public void Publish(string message)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(message);
        }
    }
}
