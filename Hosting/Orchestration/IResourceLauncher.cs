namespace Aspire.Hosting.Orchestration;

/// <summary>Turns a resource into a process: prepares what it needs (a cluster, a build output) and says how to start it.</summary>
internal interface IResourceLauncher
{
    Task<LaunchSpec> PrepareAsync(ResourceInstance instance, CancellationToken cancellationToken);

    /// <summary>After the last stop of the AppHost: removes what only lived for this run.</summary>
    void CleanUp()
    {
    }
}
