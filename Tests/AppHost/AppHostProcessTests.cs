using System.Text.Json.Nodes;
using DMarketAspire.Tests.Infrastructure;

namespace DMarketAspire.Tests.AppHost;

/// <summary>The AppHost as people run it: started twice on one data folder, stopped by signal, nothing left behind.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StopsServicesBeforeTheirDependenciesLeavesNoProcessAndASecondRunReusesTheData()
    {
        var data = Directory.CreateTempSubdirectory("apphost-data-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var environment = new Dictionary<string, string>
        {
            ["AppHost__DataDirectory"] = data,
            ["AppHost__RandomizePorts"] = "true",
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        try
        {
            // First run: initdb, generated passwords, migrations applied.
            var first = await RunUntilUpAsync(environment);
            var cluster = Path.Combine(data, "postgres-data", "PG_VERSION");
            Assert.True(File.Exists(cluster), "The cluster lives in the data folder.");
            var clusterCreated = File.GetLastWriteTimeUtc(cluster);
            var passwords = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(data, "parameters.json"), TestContext.Current.CancellationToken))!;
            Assert.Contains(": 2 migration(s) applied", first);

            // Second run: the same cluster (not initdb-ed again), the same passwords, nothing left to migrate.
            var second = await RunUntilUpAsync(environment);
            Assert.Equal(clusterCreated, File.GetLastWriteTimeUtc(cluster));
            Assert.Equal(passwords.ToJsonString(), JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(data, "parameters.json"), TestContext.Current.CancellationToken))!.ToJsonString());
            Assert.Contains(": 0 migration(s) applied", second);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Runs the AppHost until everything is up, stops it with SIGTERM, checks the stop order and the leftovers.</summary>
    private static async Task<string> RunUntilUpAsync(Dictionary<string, string> environment)
    {
        using var appHost = AppHostProcess.Start([], environment);
        Assert.True(await appHost.WaitForOutputAsync("All resources are up after", UpTimeout), $"The AppHost never came up:{Environment.NewLine}{appHost.Output}");
        TestContext.Current.TestOutputHelper?.WriteLine(appHost.Output.Split(Environment.NewLine).First(l => l.Contains("All resources are up", StringComparison.Ordinal)));
        var children = appHost.Descendants();
        Assert.True(children.Count >= 6, $"Expected the servers and services below the AppHost, found: {string.Join(", ", children.Select(ProcFs.CommandLine))}");

        appHost.Signal(Aspire.Hosting.Orchestration.Signals.SigTerm);
        Assert.Equal(0, await appHost.WaitForExitAsync(StopTimeout));
        var output = appHost.Output;
        var stops = output.Split(Environment.NewLine).Where(l => l.Contains("Orchestrator", StringComparison.Ordinal) && l.Contains("Stopping ", StringComparison.Ordinal)).ToList();
        Assert.True(stops.Count == 3, $"Expected three stop waves:{Environment.NewLine}{string.Join(Environment.NewLine, stops)}");
        Assert.Contains("scanner", stops[0]);
        Assert.Contains("api", stops[0]);
        Assert.Contains("cache", stops[1]);
        Assert.Contains("dmarket-simulator", stops[1]);
        Assert.EndsWith("Stopping postgres", stops[2]);

        var survivors = children.Where(ProcFs.IsAlive).ToList();
        Assert.True(survivors.Count == 0, $"Left running: {string.Join(", ", survivors.Select(ProcFs.CommandLine))}");
        return output;
    }
}
