using System.Reflection;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Runs a project from its build output (<c>dotnet bin/{Configuration}/{tfm}/{Project}.dll</c>) in the project folder,
/// so its appsettings.json is the content root's. Aspire runs <c>dotnet run --no-build</c>; starting the built
/// assembly directly saves an MSBuild evaluation per project and keeps one process per resource.
/// </summary>
internal sealed class ProjectLauncher(ProjectResource resource, EnvironmentResolver environment) : IResourceLauncher
{
    private static readonly string Configuration =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? typeof(ProjectLauncher).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? "Debug";

    public async Task<LaunchSpec> PrepareAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        var projectDirectory = Path.GetDirectoryName(resource.Metadata.ProjectPath)!;
        var assembly = FindBuildOutput(projectDirectory, Path.GetFileNameWithoutExtension(resource.Metadata.ProjectPath));
        var variables = await environment.ResolveAsync(resource, instance.ReplicaIndex, cancellationToken);
        return new LaunchSpec("dotnet", [assembly], projectDirectory, variables, Signals.SigTerm);
    }

    private static string FindBuildOutput(string projectDirectory, string assemblyName)
    {
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var expected = Path.Combine(projectDirectory, "bin", Configuration, framework, assemblyName + ".dll");
        if (File.Exists(expected))
        {
            return expected;
        }

        // Built in another configuration only (e.g. the AppHost under test in Debug, the service in Release).
        var other = Directory.Exists(Path.Combine(projectDirectory, "bin"))
            ? Directory.EnumerateFiles(Path.Combine(projectDirectory, "bin"), assemblyName + ".dll", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == framework)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return other ?? throw new DistributedApplicationException(
            $"'{expected}' does not exist. Build the AppHost (dotnet build AppHost), which builds every project it references.");
    }
}
