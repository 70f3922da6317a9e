using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Runs the app model on this machine, as Aspire's DCP does: every resource's process with Aspire's environment,
/// Waiting until what it waits for is healthy, health monitored, console output captured; stopped in reverse
/// dependency order, gracefully then by force. No automatic restart (Aspire has none either); the restart command does it.
/// </summary>
internal sealed class Orchestrator(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    EnvironmentResolver environment,
    AppHostPaths paths,
    DistributedApplicationOptions applicationOptions,
    IOptions<OrchestratorOptions> options,
    IOptions<HealthCheckServiceOptions> healthCheckRegistry,
    IServiceProvider services,
    ILogger<Orchestrator> logger) : IHostedService
{
    private readonly List<ResourceInstance> _instances = [];
    private readonly List<Task> _databaseLoops = [];
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        AllocateEndpoints();
        foreach (var resource in model.Resources)
        {
            var launcher = LauncherFor(resource);
            if (launcher is null)
            {
                continue;
            }

            var replicas = resource is ProjectResource project ? project.Replicas : 1;
            for (var i = 0; i < replicas; i++)
            {
                var instance = new ResourceInstance(resource, replicas == 1 ? resource.Name : $"{resource.Name}-{i}", i, launcher);
                _instances.Add(instance);
                notifications.PublishUpdateAsync(resource, instance.Id, s => s with { State = KnownResourceStates.NotStarted, Urls = UrlsOf(resource, i) });
            }
        }

        foreach (var database in model.Resources.OfType<PostgresDatabaseResource>())
        {
            notifications.PublishUpdateAsync(database, database.Name, s => s with { State = KnownResourceStates.NotStarted });
            _databaseLoops.Add(Task.Run(() => RunDatabaseAsync(database, _stopping.Token), CancellationToken.None));
        }

        foreach (var instance in _instances)
        {
            Start(instance);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        var running = _instances.Select(i => i.Resource).Distinct().ToList();
        foreach (var wave in ResourceDependencies.StopWaves(running))
        {
            LogStopping(logger, string.Join(", ", wave.Select(r => r.Name)));
            await Task.WhenAll(_instances.Where(i => wave.Contains(i.Resource)).Select(StopInstanceAsync));
        }

        await Task.WhenAll(_databaseLoops);
        foreach (var database in model.Resources.OfType<PostgresDatabaseResource>())
        {
            var serverState = notifications.TryGetCurrentState(database.Parent.Name, out var server) ? server!.Snapshot.State : KnownResourceStates.NotStarted;
            await notifications.PublishUpdateAsync(database, database.Name, s => s with { State = serverState, HealthStatus = null, HealthReports = [] });
        }
        foreach (var launcher in _instances.Select(i => i.Launcher).Distinct())
        {
            launcher.CleanUp();
        }
    }

    public async Task<ExecuteCommandResult> ExecuteCommandAsync(string resourceId, string commandName)
    {
        var targets = _instances.Where(i => i.Id == resourceId || i.Resource.Name == resourceId).ToList();
        if (targets.Count == 0)
        {
            return new ExecuteCommandResult(false, $"No resource '{resourceId}'. Resources: {string.Join(", ", _instances.Select(i => i.Id))}.");
        }

        if (_stopping.IsCancellationRequested)
        {
            return new ExecuteCommandResult(false, "The AppHost is stopping.");
        }

        switch (commandName)
        {
            case KnownResourceCommands.StopCommand:
                await Task.WhenAll(targets.Select(StopInstanceAsync));
                return new ExecuteCommandResult(true);
            case KnownResourceCommands.StartCommand:
                var running = targets.Where(i => !i.Lifecycle.IsCompleted).Select(i => i.Id).ToList();
                if (running.Count > 0)
                {
                    return new ExecuteCommandResult(false, $"Already running: {string.Join(", ", running)}. Use restart.");
                }

                targets.ForEach(Start);
                return new ExecuteCommandResult(true);
            case KnownResourceCommands.RestartCommand:
                await Task.WhenAll(targets.Select(StopInstanceAsync));
                targets.ForEach(Start);
                return new ExecuteCommandResult(true);
            default:
                return new ExecuteCommandResult(false, $"Unknown command '{commandName}'.");
        }
    }

    private void Start(ResourceInstance instance)
    {
        instance.StopRequested = false;
        instance.LifecycleCancellation?.Dispose();
        instance.LifecycleCancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var token = instance.LifecycleCancellation.Token;
        instance.Lifecycle = Task.Run(() => RunAsync(instance, token), CancellationToken.None);
    }

    private async Task RunAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        var resource = instance.Resource;
        try
        {
            var waits = resource.Annotations.OfType<WaitAnnotation>().ToList();
            if (waits.Count > 0)
            {
                await PublishAsync(instance, s => s with
                {
                    State = KnownResourceStates.Waiting, HealthStatus = null, ExitCode = null,
                    Message = $"Waiting for {string.Join(", ", waits.Select(Describe))}",
                });
                foreach (var wait in waits)
                {
                    await WaitAsync(resource, wait, cancellationToken);
                }
            }

            await PublishAsync(instance, s => s with { State = KnownResourceStates.Starting, HealthStatus = null, ExitCode = null, Message = null });
            var spec = await instance.Launcher.PrepareAsync(instance, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var process = ChildProcess.Start(spec, (line, isError) => resourceLogs.Log(instance.Id, line, isError));
            instance.Process = process;
            var checks = HealthChecksOf(instance);
            await PublishAsync(instance, s => s with
            {
                State = KnownResourceStates.Running, ProcessId = process.Id, StartTimeStamp = DateTimeOffset.UtcNow, StopTimeStamp = null,
                HealthStatus = checks.Count == 0 ? HealthStatus.Healthy : null, HealthReports = [],
            });

            using var monitoring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var monitor = MonitorHealthAsync(instance, checks, monitoring.Token);
            var exitCode = await process.WaitForExitAsync(CancellationToken.None);
            await monitoring.CancelAsync();
            await monitor;
            var state = instance.StopRequested || exitCode != 0 ? KnownResourceStates.Exited : KnownResourceStates.Finished;
            resourceLogs.Log(instance.Id, $"[apphost] {instance.Id} exited with code {exitCode}.", exitCode != 0 && !instance.StopRequested);
            await PublishAsync(instance, s => s with { State = state, ExitCode = exitCode, StopTimeStamp = DateTimeOffset.UtcNow, HealthStatus = null, HealthReports = [] });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await PublishAsync(instance, s => s with { State = KnownResourceStates.NotStarted, Message = "Stopped before it started." });
        }
        catch (Exception exception)
        {
            LogFailedToStart(logger, instance.Id, exception.Message);
            resourceLogs.Log(instance.Id, $"[apphost] failed to start: {exception.Message}", isError: true);
            await PublishAsync(instance, s => s with { State = KnownResourceStates.FailedToStart, Message = exception.Message, HealthStatus = null });
        }
    }

    private async Task WaitAsync(IResource resource, WaitAnnotation wait, CancellationToken cancellationToken)
    {
        if (wait.WaitType == WaitType.WaitUntilHealthy)
        {
            await notifications.WaitForResourceHealthyAsync(wait.Resource.Name, cancellationToken);
            return;
        }

        var ended = await notifications.WaitForResourceCompletionAsync(wait.Resource.Name, cancellationToken);
        var failed = ended.FirstOrDefault(e => e.Snapshot.State == KnownResourceStates.FailedToStart || e.Snapshot.ExitCode != wait.ExitCode);
        if (failed is not null)
        {
            throw new DistributedApplicationException(
                $"'{resource.Name}' waits for '{failed.ResourceId}' to complete with exit code {wait.ExitCode}, but it ended {failed.Snapshot.State} with exit code {failed.Snapshot.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        }
    }

    private async Task StopInstanceAsync(ResourceInstance instance)
    {
        await instance.Gate.WaitAsync();
        try
        {
            instance.StopRequested = true;
            if (instance.LifecycleCancellation is { } lifecycle)
            {
                await lifecycle.CancelAsync();
            }

            if (instance.Process is { HasExited: false } process)
            {
                await PublishAsync(instance, s => s with { State = KnownResourceStates.Stopping });
                await process.StopAsync(options.Value.StopTimeout);
            }

            await instance.Lifecycle;
            instance.Process?.Dispose();
            instance.Process = null;
        }
        finally
        {
            instance.Gate.Release();
        }
    }

    private async Task MonitorHealthAsync(ResourceInstance instance, IReadOnlyList<(string Key, Func<CancellationToken, Task<HealthCheckResult>> Check)> checks, CancellationToken cancellationToken)
    {
        if (checks.Count == 0)
        {
            return;
        }

        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var reports = await Task.WhenAll(checks.Select(c => RunCheckAsync(c.Key, c.Check, cancellationToken)));
                var status = reports.Min(r => r.Status);
                cancellationToken.ThrowIfCancellationRequested();
                await PublishAsync(instance, s => s.State == KnownResourceStates.Running ? s with { HealthStatus = status, HealthReports = reports } : s);
                failures = status == HealthStatus.Healthy ? 0 : failures + 1;
                await Task.Delay(NextCheckDelay(failures), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The process ended or the AppHost is stopping.
        }
    }

    private async Task RunDatabaseAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var server = database.Parent;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await notifications.WaitForResourceHealthyAsync(server.Name, cancellationToken);
                if (!await TryCreateDatabaseAsync(database, cancellationToken))
                {
                    await Task.Delay(options.Value.UnhealthyCheckMaxDelay, cancellationToken);
                    continue;
                }

                await notifications.PublishUpdateAsync(database, database.Name, s => s with { State = KnownResourceStates.Running, Message = null, HealthStatus = null });
                var failures = 0;
                while (notifications.TryGetCurrentState(server.Name, out var serverState) && serverState!.Snapshot.State == KnownResourceStates.Running)
                {
                    var report = await RunCheckAsync($"{database.Name}_check", ct => ResourceHealthChecks.PostgresAsync(server, database.DatabaseName, ct), cancellationToken);
                    await notifications.PublishUpdateAsync(database, database.Name, s => s with { HealthStatus = report.Status, HealthReports = [report] });
                    failures = report.Status == HealthStatus.Healthy ? 0 : failures + 1;
                    await WaitForServerChangeAsync(server, NextCheckDelay(failures), cancellationToken);
                }

                var parentState = notifications.TryGetCurrentState(server.Name, out var ended) ? ended!.Snapshot.State : KnownResourceStates.NotStarted;
                await notifications.PublishUpdateAsync(database, database.Name, s => s with { State = parentState, HealthStatus = null, HealthReports = [] });
            }
        }
        catch (OperationCanceledException)
        {
            await notifications.PublishUpdateAsync(database, database.Name, s => s with { HealthStatus = null });
        }
    }

    /// <summary>Sleeps until the next check, waking early when the server leaves Running (a stop, a crash).</summary>
    private async Task WaitForServerChangeAsync(PostgresServerResource server, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(delay);
        try
        {
            await notifications.WaitForResourceAsync(server.Name, e => e.Snapshot.State != KnownResourceStates.Running, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>As Aspire's Postgres integration: CREATE DATABASE once the server is healthy, "already exists" is fine.</summary>
    private async Task<bool> TryCreateDatabaseAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.Parent.AdminConnectionString("postgres"));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            await notifications.PublishUpdateAsync(database, database.Name, s => s with { Message = $"CREATE DATABASE failed: {exception.Message}" });
            return false;
        }
    }

    private async Task<HealthReportSnapshot> RunCheckAsync(string key, Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HealthCheckTimeout);
        try
        {
            var result = await check(timeout.Token);
            return new HealthReportSnapshot(key, result.Status, result.Description);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthReportSnapshot(key, HealthStatus.Unhealthy, $"No answer within {options.Value.HealthCheckTimeout.TotalSeconds} s.");
        }
    }

    private TimeSpan NextCheckDelay(int consecutiveFailures) => consecutiveFailures == 0
        ? options.Value.HealthyCheckInterval
        : TimeSpan.FromTicks(Math.Min(options.Value.UnhealthyCheckStep.Ticks * consecutiveFailures, options.Value.UnhealthyCheckMaxDelay.Ticks));

    private List<(string Key, Func<CancellationToken, Task<HealthCheckResult>> Check)> HealthChecksOf(ResourceInstance instance)
    {
        var checks = new List<(string, Func<CancellationToken, Task<HealthCheckResult>>)>();
        foreach (var own in instance.Resource.Annotations.OfType<InstanceHealthCheckAnnotation>())
        {
            checks.Add((own.Key, ct => own.Check(instance.ReplicaIndex, ct)));
        }

        foreach (var named in instance.Resource.Annotations.OfType<HealthCheckAnnotation>())
        {
            var registration = healthCheckRegistry.Value.Registrations.FirstOrDefault(r => r.Name == named.Key)
                ?? throw new DistributedApplicationException($"'{instance.Resource.Name}' names health check '{named.Key}', which is not registered (builder.Services.AddHealthChecks().AddCheck(\"{named.Key}\", ...)).");
            checks.Add((named.Key, ct => registration.Factory(services).CheckHealthAsync(new HealthCheckContext { Registration = registration }, ct)));
        }

        return checks;
    }

    private IResourceLauncher? LauncherFor(IResource resource) => resource switch
    {
        PostgresServerResource postgres => new PostgresLauncher(postgres, paths.DataDirectory, options.Value),
        RedisResource redis => new RedisLauncher(redis, paths.DataDirectory, paths.AppHostDirectory, options.Value),
        ProjectResource project => new ProjectLauncher(project, environment),
        _ => null,
    };

    private void AllocateEndpoints()
    {
        foreach (var resource in model.Resources)
        {
            var replicas = resource is ProjectResource project ? project.Replicas : 1;
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                var host = endpoint.Transport == "tcp" ? "127.0.0.1" : "localhost";
                endpoint.Allocate(Enumerable.Range(0, replicas).Select(_ => new AllocatedEndpoint(endpoint.UriScheme, host,
                    replicas == 1 && endpoint.Port is { } fixedPort && !applicationOptions.RandomizePorts ? fixedPort : FreePort.Next())));
            }
        }
    }

    private static IReadOnlyList<UrlSnapshot> UrlsOf(IResource resource, int replica)
    {
        var urls = new List<UrlSnapshot>();
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            var allocated = endpoint.AllocatedEndpoints[replica];
            urls.Add(new UrlSnapshot(endpoint.Name, allocated.UriString));
            foreach (var link in resource.Annotations.OfType<ResourceUrlAnnotation>().Where(u => u.EndpointName == endpoint.Name))
            {
                urls.Add(new UrlSnapshot(link.DisplayText, new Uri(new Uri(allocated.UriString), link.Url).ToString()));
            }
        }

        return urls;
    }

    private Task PublishAsync(ResourceInstance instance, Func<CustomResourceSnapshot, CustomResourceSnapshot> update) =>
        notifications.PublishUpdateAsync(instance.Resource, instance.Id, update);

    private static string Describe(WaitAnnotation wait) =>
        wait.WaitType == WaitType.WaitForCompletion ? $"{wait.Resource.Name} to complete" : wait.Resource.Name;

    // LoggerMessage.Define, not [LoggerMessage]: coverlet cannot instrument an assembly with the generated kind here.
    private static readonly Action<ILogger, string, Exception?> LogStoppingMessage =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "Stopping"), "Stopping {Resources}");

    private static readonly Action<ILogger, string, string, Exception?> LogFailedToStartMessage =
        LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(2, "FailedToStart"), "{Resource} failed to start: {Reason}");

    private static void LogStopping(ILogger logger, string resources) => LogStoppingMessage(logger, resources, null);

    private static void LogFailedToStart(ILogger logger, string resource, string reason) => LogFailedToStartMessage(logger, resource, reason, null);
}
