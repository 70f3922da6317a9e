using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.Orchestration;

/// <summary>A health check that needs to know which replica it probes (each replica has its own port here).</summary>
internal sealed record InstanceHealthCheckAnnotation(string Key, Func<int, CancellationToken, Task<HealthCheckResult>> Check) : IResourceAnnotation;
