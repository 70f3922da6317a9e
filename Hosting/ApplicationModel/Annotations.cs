namespace Aspire.Hosting.ApplicationModel;

/// <summary>Adds environment variables when a resource starts (run mode) or is written to the manifest (publish mode).</summary>
public sealed class EnvironmentCallbackAnnotation(Func<EnvironmentCallbackContext, Task> callback) : IResourceAnnotation
{
    public Func<EnvironmentCallbackContext, Task> Callback { get; } = callback;
}

/// <summary>Values are strings, <see cref="IValueProvider"/>s (resolved in run mode) or <see cref="IManifestExpressionProvider"/>s.</summary>
public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext, int replicaIndex = 0)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    /// <summary>Which replica the variables are for (run mode; 0 in publish mode).</summary>
    public int ReplicaIndex { get; } = replicaIndex;

    public Dictionary<string, object> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}

public enum WaitType
{
    /// <summary>Until the dependency runs and its health checks pass.</summary>
    WaitUntilHealthy,

    /// <summary>Until the dependency has run to completion with the expected exit code.</summary>
    WaitForCompletion,
}

public sealed record WaitAnnotation(IResource Resource, WaitType WaitType, int ExitCode = 0) : IResourceAnnotation;

/// <summary>Names a health check (a key in the AppHost's health check registry, or one a resource brings itself).</summary>
public sealed record HealthCheckAnnotation(string Key) : IResourceAnnotation;

public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary>A link shown next to the resource, relative to an endpoint's URL (e.g. the OpenAPI document).</summary>
public sealed record ResourceUrlAnnotation(string Url, string DisplayText, string EndpointName = "http") : IResourceAnnotation;

/// <summary>"Reference", "WaitFor" or "Parent": how the resources relate, used for the stop order.</summary>
public sealed record ResourceRelationshipAnnotation(IResource Resource, string Type) : IResourceAnnotation;

/// <summary>Keeps the resource's data between runs, in a folder of the AppHost's data directory (a named volume when published).</summary>
public sealed record DataVolumeAnnotation(string Name, string Target) : IResourceAnnotation;
