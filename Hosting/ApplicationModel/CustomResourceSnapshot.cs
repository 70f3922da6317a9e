using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>What the dashboard (here: the terminal table and the tests) knows about one running instance of a resource.</summary>
public sealed record CustomResourceSnapshot
{
    public required string ResourceType { get; init; }

    public string State { get; init; } = KnownResourceStates.NotStarted;

    /// <summary>Null until the first check has run (or while the resource is not running).</summary>
    public HealthStatus? HealthStatus { get; init; }

    public IReadOnlyList<HealthReportSnapshot> HealthReports { get; init; } = [];

    public int? ExitCode { get; init; }

    public int? ProcessId { get; init; }

    public DateTimeOffset? StartTimeStamp { get; init; }

    public DateTimeOffset? StopTimeStamp { get; init; }

    public IReadOnlyList<UrlSnapshot> Urls { get; init; } = [];

    /// <summary>Why the resource is waiting or failed, for people.</summary>
    public string? Message { get; init; }
}

public sealed record HealthReportSnapshot(string Name, HealthStatus Status, string? Description);

public sealed record UrlSnapshot(string Name, string Url);

/// <summary>A change of state: <see cref="ResourceId"/> is the instance (a replica has its own, e.g. <c>scanner-1</c>).</summary>
public sealed record ResourceEvent(IResource Resource, string ResourceId, CustomResourceSnapshot Snapshot);
