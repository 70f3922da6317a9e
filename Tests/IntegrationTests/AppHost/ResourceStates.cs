using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary>The latest event of every resource instance (replicas have ids of their own), from the app's notifications.</summary>
public sealed class ResourceStates : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    public ResourceStates(DistributedApplication app) => _watching = Task.Run(async () =>
    {
        try
        {
            await foreach (var change in app.ResourceNotifications.WatchAsync(_stop.Token))
            {
                _latest[change.ResourceId] = change;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    });

    /// <summary>Every instance of the resource named <paramref name="name"/>, by id.</summary>
    public IReadOnlyList<ResourceEvent> Instances(string name) =>
        _latest.Values.Where(e => e.Resource.Name == name).OrderBy(e => e.ResourceId, StringComparer.Ordinal).ToList();

    public ResourceEvent Instance(string resourceId) => _latest[resourceId];

    public IReadOnlyCollection<ResourceEvent> All => _latest.Values.ToList();

    /// <summary>The process DCP started for an instance (for a project, <c>dotnet run</c>), from its snapshot.</summary>
    public static int? ProcessId(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            _ => null,
        };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
