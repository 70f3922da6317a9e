using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>One replica of a runnable resource and its current lifecycle (waiting, the process, its health monitor).</summary>
internal sealed class ResourceInstance(IResource resource, string id, int replicaIndex, IResourceLauncher launcher)
{
    public IResource Resource { get; } = resource;

    /// <summary>The resource name, or <c>{name}-{replica}</c> when there are several.</summary>
    public string Id { get; } = id;

    public int ReplicaIndex { get; } = replicaIndex;

    public IResourceLauncher Launcher { get; } = launcher;

    public ChildProcess? Process { get; set; }

    public Task Lifecycle { get; set; } = Task.CompletedTask;

    public CancellationTokenSource? LifecycleCancellation { get; set; }

    /// <summary>Set when the AppHost (or a stop command) ends the process, so its exit reads as Exited, not a crash.</summary>
    public bool StopRequested { get; set; }

    public SemaphoreSlim Gate { get; } = new(1, 1);
}
