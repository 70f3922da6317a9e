using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Debian's <c>redis-server</c> when on PATH, else Microsoft's Garnet from the repository's tool manifest
/// (<c>dotnet tool restore</c>). Password-protected as Aspire's Redis is; data kept only with <c>WithDataVolume()</c>.
/// </summary>
internal sealed class RedisLauncher(RedisResource resource, string dataRoot, string appHostDirectory, OrchestratorOptions options) : IResourceLauncher
{
    public Task<LaunchSpec> PrepareAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        var port = resource.PrimaryEndpoint.Port.ToString(CultureInfo.InvariantCulture);
        var password = resource.PasswordParameter.Value;
        var volume = resource.Annotations.OfType<DataVolumeAnnotation>().FirstOrDefault();
        var environment = new Dictionary<string, string>();

        if (!options.PreferGarnet && ExecutableFinder.Find("redis-server") is { } redis)
        {
            var dataDirectory = Path.Combine(dataRoot, $"{resource.Name}-data");
            if (volume is not null)
            {
                Directory.CreateDirectory(dataDirectory);
            }

            // As in Aspire's container, the password is on redis-server's command line: visible to this machine's users only.
            string[] arguments = ["--port", port, "--bind", "127.0.0.1", "--requirepass", password,
                .. volume is null ? (string[])["--save", "", "--appendonly", "no"] : ["--dir", dataDirectory, "--save", "60 1"]];
            return Task.FromResult(new LaunchSpec(redis, arguments, appHostDirectory, environment, Signals.SigTerm));
        }

        var toolRoot = ExecutableFinder.ToolManifestRoot(appHostDirectory) ?? throw new DistributedApplicationException(
            "Neither redis-server is on PATH nor a .NET tool manifest with garnet-server is above the AppHost. Install redis-server (Debian: apt-get install -y redis-server) or run 'dotnet tool restore'.");
        return Task.FromResult(new LaunchSpec("dotnet",
            ["tool", "run", "garnet-server", "--", "--port", port, "--bind", "127.0.0.1", "--auth", "Password", "--password", password,
             "--memory", options.GarnetMemory, "--lua"],
            toolRoot, environment, Signals.SigInt));
    }
}
