using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Publishes resource states and lets callers wait for one, as Aspire's service of the same name.</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);
    private readonly Broadcast<ResourceEvent> _changes = new();
    private readonly Lock _gate = new();

    /// <summary>Every change, starting with the current state of every instance.</summary>
    public IAsyncEnumerable<ResourceEvent> WatchAsync(CancellationToken cancellationToken = default) =>
        _changes.WatchAsync(() => _latest.Values.ToList(), cancellationToken);

    public Task PublishUpdateAsync(IResource resource, string resourceId, Func<CustomResourceSnapshot, CustomResourceSnapshot> update)
    {
        lock (_gate)
        {
            var previous = _latest.TryGetValue(resourceId, out var existing) ? existing.Snapshot : new CustomResourceSnapshot { ResourceType = ResourceTypeOf(resource) };
            var next = new ResourceEvent(resource, resourceId, update(previous));
            _changes.Publish(next, () => _latest[resourceId] = next);
        }

        return Task.CompletedTask;
    }

    /// <summary>The current snapshots of a resource's instances (one per replica), or of the one instance so named.</summary>
    public IReadOnlyList<ResourceEvent> GetCurrent(string resourceNameOrId) =>
        _latest.Values.Where(e => Matches(e, resourceNameOrId)).OrderBy(e => e.ResourceId, StringComparer.Ordinal).ToList();

    public bool TryGetCurrentState(string resourceId, out ResourceEvent? resourceEvent) => _latest.TryGetValue(resourceId, out resourceEvent);

    public Task<ResourceEvent> WaitForResourceAsync(string resourceName, string? targetState = null, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, e => targetState is null || e.Snapshot.State == targetState, cancellationToken);

    public async Task<ResourceEvent> WaitForResourceAsync(string resourceName, Func<ResourceEvent, bool> predicate, CancellationToken cancellationToken = default)
    {
        await foreach (var resourceEvent in WatchAsync(cancellationToken))
        {
            if (Matches(resourceEvent, resourceName) && predicate(resourceEvent))
            {
                return resourceEvent;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Until every instance of the resource is Running and Healthy.</summary>
    public async Task<ResourceEvent> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        await foreach (var resourceEvent in WatchAsync(cancellationToken))
        {
            if (Matches(resourceEvent, resourceName) && IsHealthy(resourceName))
            {
                return resourceEvent;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Until every instance has stopped for good (Finished, Exited or FailedToStart).</summary>
    public async Task<IReadOnlyList<ResourceEvent>> WaitForResourceCompletionAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        await foreach (var resourceEvent in WatchAsync(cancellationToken))
        {
            var all = GetCurrent(resourceName);
            if (Matches(resourceEvent, resourceName) && all.Count > 0 && all.All(e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State)))
            {
                return all;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    internal bool IsHealthy(string resourceName)
    {
        var all = GetCurrent(resourceName);
        return all.Count > 0 && all.All(e => e.Snapshot.State == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy);
    }

    private static bool Matches(ResourceEvent resourceEvent, string name) =>
        resourceEvent.Resource.Name == name || resourceEvent.ResourceId == name;

    private static string ResourceTypeOf(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        PostgresServerResource => "PostgreSQL",
        PostgresDatabaseResource => "Database",
        RedisResource => "Redis",
        _ => resource.GetType().Name.Replace("Resource", string.Empty, StringComparison.Ordinal),
    };
}
