namespace Aspire.Hosting.ApplicationModel;

/// <summary>A .NET project of the solution, run from its build output.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithServiceDiscovery, IResourceWithEnvironment, IResourceWithWaitSupport
{
    public IProjectMetadata Metadata { get; } = metadata;

    public int Replicas => Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
}
