using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

// Adds common Aspire services: service discovery, resilience, health checks, and OpenTelemetry.
// This project should be referenced by each service project in the solution.
// Aspire 13's ServiceDefaults template, plus what this project adds on purpose (each marked "Project addition").
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    // Project addition: a deployment that needs probes maps the health endpoints outside Development with this key.
    public const string ExposeHealthEndpointsKey = "ServiceDefaults:ExposeHealthEndpoints";

    // Project addition: every project's own activity sources and meters are named under this prefix.
    public const string TelemetryPrefix = "DMarketAspire";

    // Project addition: true keeps in traces the client calls no request or operation made (BackgroundCallSampler).
    public const string TraceBackgroundCallsKey = "ServiceDefaults:TraceBackgroundCalls";

    // Project addition: an orchestrator sends SIGKILL soon after SIGTERM; finish or abandon work well before that.
    private static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(5);

    // Project addition: a probe answers within this. Without it, a database check goes through EF Core's retrying
    // execution strategy (Aspire's Npgsql default) and /health took 58 s to say PostgreSQL was down.
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    // The configuration key the generic host itself binds to HostOptions.ShutdownTimeout.
    private const string ShutdownTimeoutSecondsKey = "shutdownTimeoutSeconds";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();

        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Turn on resilience by default
            http.AddStandardResilienceHandler();

            // Turn on service discovery by default
            http.AddServiceDiscovery();
        });

        // Project addition: Resilience:Default, then Resilience:<client name>, over every client's standard handler.
        builder.Services.AddSingleton<Options.IConfigureOptions<HttpStandardResilienceOptions>, ResilienceConfiguration>();

        // Project addition: a shorter shutdown than the host's 30 s, unless configured.
        if (builder.Configuration[ShutdownTimeoutSecondsKey] is null)
        {
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = DefaultShutdownTimeout);
        }

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // Project addition: the project's meters, and the data clients' (Npgsql and EF Core).
                    .AddMeter(builder.Environment.ApplicationName, $"{TelemetryPrefix}.*", "Npgsql", "Microsoft.EntityFrameworkCore");
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(builder.Environment.ApplicationName, $"{TelemetryPrefix}.*")
                    .AddAspNetCoreInstrumentation(tracing =>
                        // Exclude health check requests from tracing
                        tracing.Filter = context =>
                            !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                            && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath)
                    )
                    .AddHttpClientInstrumentation();

                // Project addition: background calls are left out of traces unless asked for.
                if (!builder.Configuration.GetValue<bool>(TraceBackgroundCallsKey))
                {
                    tracing.SetSampler(new ParentBasedSampler(new BackgroundCallSampler()));
                }
            });

        builder.AddOpenTelemetryExporters();

        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var useOtlpExporter = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        if (useOtlpExporter)
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            // Add a default liveness check to ensure app is responsive
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        // Project addition: every check without a timeout of its own (the clients' checks are added later) gets one;
        // a check that times out is Unhealthy.
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = HealthCheckTimeout;
            }
        });

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Adding health checks endpoints to applications in non-development environments has security implications.
        // Project addition: ServiceDefaults:ExposeHealthEndpoints opts in (Kubernetes probes).
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>(ExposeHealthEndpointsKey))
        {
            // All health checks must pass for app to be considered ready to accept traffic after starting
            app.MapHealthChecks(HealthEndpointPath);

            // Only health checks tagged with the "live" tag must pass for app to be considered alive
            app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
            {
                Predicate = r => r.Tags.Contains("live")
            });
        }

        return app;
    }
}
