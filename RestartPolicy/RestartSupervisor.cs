using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>
/// Watches the resources given a <see cref="RestartPolicy"/> and starts a replica again when it exits unexpectedly:
/// a terminal state (<c>Exited</c>, or <c>Finished</c> as DCP reports a process killed by a signal) with a non-zero
/// code, straight from a running state. A stop asked for passes through <c>Stopping</c> first, and a clean exit has
/// code 0; neither is a crash, nor is anything once the AppHost stops.
/// </summary>
internal sealed partial class RestartSupervisor
{
    public const string CountProperty = "restart.count";
    public const string GaveUpProperty = "restart.gave-up";

    /// <summary>Where DCP's snapshots of an executable or project replica carry its process id.</summary>
    private const string ProcessIdProperty = "executable.pid";

    private readonly ConcurrentDictionary<string, RestartPolicy> _policies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ReplicaRestarts> _replicas = new(StringComparer.OrdinalIgnoreCase);

    public void Watch(string resourceName, RestartPolicy policy) => _policies[resourceName] = policy;

    public async Task RunAsync(IServiceProvider services, CancellationToken stopping)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ILogger<RestartSupervisor>>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping))
            {
                if (_policies.TryGetValue(change.Resource.Name, out var policy))
                {
                    Judge(change, policy, services, logger, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping: its resources stop with it, and nothing is restarted.
        }
    }

    private void Judge(ResourceEvent change, RestartPolicy policy, IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        var state = change.Snapshot.State?.Text;
        ReplicaRestarts replica;
        int recent;
        bool giveUp;
        lock (_lock)
        {
            replica = Replica(change.ResourceId);
            var previous = replica.LastState;
            replica.LastState = state;
            // Once given up nothing restarts it, so running again means someone started it.
            if (replica.GaveUp && state == KnownResourceStates.Running)
            {
                replica.StartedByHand();
            }

            // DCP reports a process killed by a signal as Finished with code -1, one that exits with an error as Exited.
            var terminal = state == KnownResourceStates.Exited || state == KnownResourceStates.Finished;
            // DCP may repeat a process's end after the next start has begun (seen: Starting, then the killed process's
            // Finished again); judged twice, it restarted the replica a second time, even after a stop asked for.
            var ended = terminal ? ProcessId(change.Snapshot) : null;
            var endedBefore = ended is not null && ended == replica.EndedProcessId;
            replica.EndedProcessId = ended ?? replica.EndedProcessId;

            var crashed = terminal && previous != state && previous != KnownResourceStates.Stopping && !endedBefore
                && change.Snapshot.ExitCode is { } code && code != 0 && !replica.GaveUp && !stopping.IsCancellationRequested;
            if (!crashed)
            {
                return;
            }

            recent = replica.Recent(DateTimeOffset.UtcNow, policy.Window);
            giveUp = recent >= policy.MaxRestarts;
            replica.GaveUp = giveUp;
        }

        var resourceLog = services.GetRequiredService<ResourceLoggerService>().GetLogger(change.ResourceId);
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        if (giveUp)
        {
            var reason = $"exited with code {change.Snapshot.ExitCode} after {recent} restarts within {policy.Window}; not restarted again";
            LogGaveUp(resourceLog, reason);
            LogGaveUp(logger, $"{change.ResourceId} {reason}");
            _ = notifications.PublishUpdateAsync(change.Resource, change.ResourceId, s => s with
            {
                State = new ResourceStateSnapshot("Crashed, not restarted", KnownResourceStateStyles.Error),
                Properties = With(s.Properties, GaveUpProperty, reason),
            });
            return;
        }

        var delay = policy.DelayAfter(recent);
        LogRestarting(resourceLog, change.Snapshot.ExitCode, delay.TotalSeconds, recent + 1, policy.MaxRestarts, policy.Window);
        LogRestarting(logger, change.ResourceId, change.Snapshot.ExitCode, delay.TotalSeconds, recent + 1, policy.MaxRestarts);
        _ = Task.Run(() => RestartAsync(change, replica, delay, services, logger, stopping), stopping);
    }

    private async Task RestartAsync(ResourceEvent change, ReplicaRestarts replica, TimeSpan delay, IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            var notifications = services.GetRequiredService<ResourceNotificationService>();
            if (notifications.TryGetCurrentState(change.ResourceId, out var current) && current.Snapshot.State?.Text is { } state && !KnownResourceStates.TerminalStates.Contains(state))
            {
                // Started by hand meanwhile.
                return;
            }

            // Counted before the start: a process that dies at once is judged against this restart already.
            int total;
            lock (_lock)
            {
                replica.Restarted(DateTimeOffset.UtcNow);
                total = replica.Total;
            }

            // Published before the start, so every snapshot of the new run carries the count.
            await notifications.PublishUpdateAsync(change.Resource, change.ResourceId, s => s with { Properties = With(s.Properties, CountProperty, total) });
            var result = await services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(change.ResourceId, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success)
            {
                LogStartFailed(logger, change.ResourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping meanwhile: leave it down.
        }
    }

    private ReplicaRestarts Replica(string resourceId)
    {
        if (!_replicas.TryGetValue(resourceId, out var replica))
        {
            replica = new ReplicaRestarts();
            _replicas[resourceId] = replica;
        }

        return replica;
    }

    /// <summary>The process DCP started for the replica, as its snapshot tells (<c>executable.pid</c>).</summary>
    private static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value switch
        {
            int pid and > 0 => pid,
            long pid and > 0 => (int)pid,
            string text when int.TryParse(text, CultureInfo.InvariantCulture, out var pid) && pid > 0 => pid,
            // Zero while DCP has not started the process yet.
            _ => null,
        };

    private static ImmutableArray<ResourcePropertySnapshot> With(ImmutableArray<ResourcePropertySnapshot> properties, string name, object value) =>
        [.. properties.Where(p => p.Name != name), new ResourcePropertySnapshot(name, value)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exited unexpectedly (code {ExitCode}); restarting in {Seconds:0.#} s, restart {Restart} of at most {MaxRestarts} within {Window}.")]
    private static partial void LogRestarting(ILogger logger, int? exitCode, double seconds, int restart, int maxRestarts, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceId} exited unexpectedly (code {ExitCode}); restarting in {Seconds:0.#} s, restart {Restart} of at most {MaxRestarts}.")]
    private static partial void LogRestarting(ILogger logger, string resourceId, int? exitCode, double seconds, int restart, int maxRestarts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crashed, {Reason}.")]
    private static partial void LogGaveUp(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting {ResourceId} again failed: {Message}")]
    private static partial void LogStartFailed(ILogger logger, string resourceId, string? message);
}
