using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The resources the AppHost's Program.cs declared, in declaration order.</summary>
public sealed class DistributedApplicationModel(IEnumerable<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources.ToList();
}
