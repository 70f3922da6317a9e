using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>The dashboard's Start / Stop / Restart buttons (<see cref="KnownResourceCommands"/>), for code and the terminal.</summary>
public sealed class ResourceCommandService
{
    private readonly Func<Orchestrator?> _orchestrator;

    internal ResourceCommandService(Func<Orchestrator?> orchestrator) => _orchestrator = orchestrator;

    /// <summary>Runs a command on a resource (all its replicas) or on one replica by its id.</summary>
    public Task<ExecuteCommandResult> ExecuteCommandAsync(string resourceId, string commandName, CancellationToken cancellationToken = default) =>
        _orchestrator() is { } orchestrator
            ? orchestrator.ExecuteCommandAsync(resourceId, commandName).WaitAsync(cancellationToken)
            : Task.FromResult(new ExecuteCommandResult(false, "Resources are not running (publish mode)."));
}

public sealed record ExecuteCommandResult(bool Success, string? ErrorMessage = null);
