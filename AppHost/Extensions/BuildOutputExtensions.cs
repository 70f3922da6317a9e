using System.Reflection;

namespace DMarketAspire.AppHost.Extensions;

internal static class BuildOutputExtensions
{
    // An IDE that debugs the app launches projects itself; leave those launches to Aspire.
    private const string DebugSessionPortKey = "DEBUG_SESSION_PORT";

    /// <summary>
    /// Runs every project from the program its build produced (<c>bin/&lt;configuration&gt;/net10.0/&lt;name&gt;</c>, built
    /// with the AppHost) instead of Aspire's <c>dotnet run --no-build</c>: no MSBuild evaluation per start, and no
    /// <c>dotnet run</c> process (about 125 MB each) waiting beside each service. Aspire's environment, arguments and
    /// health checks are the same either way. A project whose program is not there keeps <c>dotnet run</c>.
    /// </summary>
    public static IDistributedApplicationBuilder RunProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode || !string.IsNullOrEmpty(builder.Configuration[DebugSessionPortKey]))
        {
            return builder;
        }

        var configuration = typeof(BuildOutputExtensions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var program = OperatingSystem.IsWindows() ? "{0}.exe" : "{0}";
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var folder = Path.GetDirectoryName(projectPath)!;
            var executable = Path.Combine(folder, "bin", configuration, framework, string.Format(System.Globalization.CultureInfo.InvariantCulture, program, Path.GetFileNameWithoutExtension(projectPath)));
            if (File.Exists(executable))
            {
                project.Annotations.Add(new ExecutableAnnotation { Command = executable, WorkingDirectory = folder });
            }
        }

        return builder;
    }
}
