using System.Collections.Concurrent;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Each instance's console output (stdout and stderr), the last lines kept, as the dashboard's console logs page.</summary>
public sealed class ResourceLoggerService
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<LogLine>> _lines = new(StringComparer.Ordinal);
    private readonly Broadcast<(string ResourceId, LogLine Line)> _newLines = new();
    private readonly int _keptLines;

    public ResourceLoggerService(int keptLines = 10_000) => _keptLines = keptLines;

    public IReadOnlyList<LogLine> GetLines(string resourceId) =>
        _lines.TryGetValue(resourceId, out var lines) ? lines.ToArray() : [];

    /// <summary>Every new line of every instance.</summary>
    public IAsyncEnumerable<(string ResourceId, LogLine Line)> WatchAllAsync(CancellationToken cancellationToken = default) =>
        _newLines.WatchAsync(initial: null, cancellationToken);

    internal void Log(string resourceId, string text, bool isError)
    {
        var line = new LogLine(DateTimeOffset.UtcNow, text, isError);
        var lines = _lines.GetOrAdd(resourceId, _ => new ConcurrentQueue<LogLine>());
        lines.Enqueue(line);
        while (lines.Count > _keptLines && lines.TryDequeue(out _))
        {
        }

        _newLines.Publish((resourceId, line));
    }
}

public sealed record LogLine(DateTimeOffset Timestamp, string Content, bool IsErrorMessage);
