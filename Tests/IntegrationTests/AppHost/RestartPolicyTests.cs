using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary>
/// The restart policy on small app models run by Aspire's orchestrator (DCP) for real: a process killed with SIGKILL
/// comes back, one that keeps exiting at start is tried as often as allowed and then stays down with the reason shown,
/// and a stop asked for is not a crash.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class RestartPolicyTests
{
    private static readonly RestartPolicy Quick = new() { FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), MaxRestarts = 3, Window = TimeSpan.FromMinutes(1) };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKilledProcessIsStartedAgainAndAStopAskedForIsNot()
    {
        var builder = NewBuilder();
        builder.AddExecutable("sleeper", "sleep", ".", "600").WithRestartPolicy(Quick);
        await using var app = builder.Build();
        Watch(app);
        await app.StartAsync(Ct);

        var running = await RunningAsync(app, previousPid: null);
        var pid = ResourceStates.ProcessId(running)!.Value;
        Process.GetProcessById(pid).Kill();

        var again = await RunningAsync(app, previousPid: pid);
        Assert.Equal(1, Property(again, RestartSupervisor.CountProperty));

        var stop = await app.ResourceCommands.ExecuteCommandAsync(again.ResourceId, KnownResourceCommands.StopCommand, Ct);
        Assert.True(stop.Success, stop.Message);
        await app.ResourceNotifications.WaitForResourceAsync("sleeper", e => e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state), Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await Task.Delay(Quick.MaxDelay * 3, Ct);
        Assert.True(app.ResourceNotifications.TryGetCurrentState(again.ResourceId, out var stopped));
        Assert.Contains(stopped.Snapshot.State?.Text, KnownResourceStates.TerminalStates);
        Assert.Equal(1, Property(stopped, RestartSupervisor.CountProperty));
    }

    [Fact]
    public async Task AProcessThatExitsAtStartIsTriedAsOftenAsAllowedThenStaysDownWithTheReason()
    {
        var starts = Path.Combine(Directory.CreateTempSubdirectory("restarts-").FullName, "starts");
        var builder = NewBuilder();
        builder.AddExecutable("crasher", "sh", ".", "-c", $"echo start >> '{starts}'; exit 3").WithRestartPolicy(Quick);
        await using var app = builder.Build();
        Watch(app);
        await app.StartAsync(Ct);

        var down = await app.ResourceNotifications.WaitForResourceAsync("crasher", e => e.Snapshot.State?.Text == "Crashed, not restarted", Ct)
            .WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(1 + Quick.MaxRestarts, File.ReadAllLines(starts).Length);
        Assert.Equal(Quick.MaxRestarts, Property(down, RestartSupervisor.CountProperty));
        Assert.Contains("exited with code 3 after 3 restarts", (string)down.Snapshot.Properties.Single(p => p.Name == RestartSupervisor.GaveUpProperty).Value!);
        await Task.Delay(Quick.MaxDelay * 2, Ct);
        Assert.Equal(1 + Quick.MaxRestarts, File.ReadAllLines(starts).Length);
    }

    /// <summary>An empty app model, run by the DCP our AppHost's build brings (Aspire finds its path in the AppHost's assembly).</summary>
    private static IDistributedApplicationBuilder NewBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { AssemblyName = "DMarketAspire.AppHost", DisableDashboard = true, Args = [] });

    private static async Task<ResourceEvent> RunningAsync(DistributedApplication app, int? previousPid) =>
        await app.ResourceNotifications.WaitForResourceAsync("sleeper",
                e => e.Snapshot.State?.Text == KnownResourceStates.Running && ResourceStates.ProcessId(e) is { } pid && pid != previousPid, Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);

    /// <summary>Every state the app's resources pass through, printed when the test ends (what a failure needs).</summary>
    private static void Watch(DistributedApplication app) => _ = Task.Run(async () =>
    {
        await foreach (var e in app.ResourceNotifications.WatchAsync(Ct))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{DateTime.UtcNow:HH:mm:ss.fff} {e.ResourceId} {e.Snapshot.State?.Text} exit={e.Snapshot.ExitCode} pid={ResourceStates.ProcessId(e)} restarts={Property(e, RestartSupervisor.CountProperty)}");
        }
    }, Ct);

    private static int? Property(ResourceEvent e, string name) => e.Snapshot.Properties.FirstOrDefault(p => p.Name == name)?.Value is int value ? value : null;
}
