namespace Aspire.Hosting.Orchestration;

/// <summary>The AppHost's own knobs, section <c>AppHost</c>. Health check timing is Aspire's.</summary>
public sealed class OrchestratorOptions
{
    public const string SectionName = "AppHost";

    /// <summary>How long a resource gets to stop after its stop signal before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Re-check interval once healthy (Aspire: 30 s).</summary>
    public TimeSpan HealthyCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While not healthy, the delay grows by this per consecutive failure (Aspire: 1 s)...</summary>
    public TimeSpan UnhealthyCheckStep { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>...up to this (Aspire: 5 s).</summary>
    public TimeSpan UnhealthyCheckMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A single health check's time limit.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Use Garnet even where redis-server is installed.</summary>
    public bool PreferGarnet { get; set; }

    public string GarnetMemory { get; set; } = "256m";

    public int PostgresMaxConnections { get; set; } = 200;
}
