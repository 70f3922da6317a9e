using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Each instance's console output (stdout and stderr), the last lines kept, as the dashboard's console logs page.</summary>
public sealed class ResourceLoggerService
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<LogLine>> _lines = new(StringComparer.Ordinal);
    private readonly List<Channel<(string ResourceId, LogLine Line)>> _watchers = [];
    private readonly Lock _gate = new();
    private readonly int _keptLines;

    public ResourceLoggerService(int keptLines = 10_000) => _keptLines = keptLines;

    public IReadOnlyList<LogLine> GetLines(string resourceId) =>
        _lines.TryGetValue(resourceId, out var lines) ? lines.ToArray() : [];

    /// <summary>Every new line of every instance.</summary>
    public async IAsyncEnumerable<(string ResourceId, LogLine Line)> WatchAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<(string, LogLine)>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _watchers.Add(channel);
        }

        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
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

    internal void Log(string resourceId, string text, bool isError)
    {
        var line = new LogLine(DateTimeOffset.UtcNow, text, isError);
        var lines = _lines.GetOrAdd(resourceId, _ => new ConcurrentQueue<LogLine>());
        lines.Enqueue(line);
        while (lines.Count > _keptLines && lines.TryDequeue(out _))
        {
        }

        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite((resourceId, line));
            }
        }
    }
}

public sealed record LogLine(DateTimeOffset Timestamp, string Content, bool IsErrorMessage);
