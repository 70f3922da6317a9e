using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// A project of the solution. Endpoints and environment come from its launch profile (the first one, or
    /// <paramref name="launchProfileName"/>), as in Aspire; a project without an <c>applicationUrl</c> (a worker) has none.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name, string? launchProfileName = null)
        where TProject : IProjectMetadata, new()
    {
        var resource = new ProjectResource(name, new TProject());
        var profile = LaunchProfile.Read(resource.Metadata.ProjectPath, launchProfileName);
        var project = builder.AddResource(resource);
        foreach (var url in profile?.ApplicationUrls ?? [])
        {
            var endpointName = url.Scheme;
            if (!resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == endpointName))
            {
                project.WithAnnotation(new EndpointAnnotation(endpointName, url.Scheme, "http", url.Port, targetPort: null));
            }
        }

        var configuration = builder.Configuration;
        return project.WithEnvironment(context =>
        {
            var env = context.EnvironmentVariables;
            var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
            if (context.ExecutionContext.IsPublishMode)
            {
                if (endpoints.Count > 0)
                {
                    env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
                    env["HTTP_PORTS"] = new EndpointReference(resource, endpoints[0].Name).Property(EndpointProperty.TargetPort);
                }

                return;
            }

            foreach (var (key, value) in profile?.EnvironmentVariables ?? new Dictionary<string, string>())
            {
                env[key] = value;
            }

            if (profile is not null)
            {
                env["DOTNET_LAUNCH_PROFILE"] = profile.Name;
            }

            var instanceId = resource.Replicas == 1 ? name : $"{name}-{context.ReplicaIndex}";
            env["OTEL_SERVICE_NAME"] = name;
            env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}";
            AddOtlpExporter(configuration, env);
            env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            env["OTEL_TRACES_SAMPLER"] = "always_on";
            env["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based";
            // Aspire always sets this (its dashboard renders colours); here colours only help when a person watches the terminal.
            env["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = Console.IsOutputRedirected ? "false" : "true";
            env["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
            if (endpoints.Count > 0)
            {
                env["ASPNETCORE_URLS"] = string.Join(';', endpoints.Select(e => e.AllocatedEndpoints[context.ReplicaIndex].UriString));
            }
        });
    }

    /// <summary>Several instances of the project, each on its own port; references list them all for round-robin discovery.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    /// <summary>
    /// OTLP goes where the AppHost is told: <c>ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c> (http/protobuf),
    /// <c>ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL</c> (grpc) or the AppHost's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// With none set, services export nothing rather than retry into a void.
    /// </summary>
    private static void AddOtlpExporter(IConfiguration configuration, Dictionary<string, object> env)
    {
        if (configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] is { Length: > 0 } http)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = http;
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }
        else if (configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] is { Length: > 0 } grpc)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = grpc;
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
        }
        else if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } other)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = other;
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc";
        }
    }

    private sealed record LaunchProfile(string Name, IReadOnlyList<Uri> ApplicationUrls, IReadOnlyDictionary<string, string> EnvironmentVariables)
    {
        public static LaunchProfile? Read(string projectPath, string? profileName)
        {
            var path = Path.Combine(Path.GetDirectoryName(projectPath)!, "Properties", "launchSettings.json");
            if (!File.Exists(path))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var profiles = document.RootElement.GetProperty("profiles").EnumerateObject()
                .Where(p => p.Value.TryGetProperty("commandName", out var command) && command.GetString() == "Project").ToList();
            var profile = profileName is null ? profiles.FirstOrDefault() : profiles.FirstOrDefault(p => p.Name == profileName);
            if (profile.Value.ValueKind == JsonValueKind.Undefined)
            {
                return profileName is null ? null : throw new DistributedApplicationException($"Launch profile '{profileName}' is not in {path}.");
            }

            var urls = profile.Value.TryGetProperty("applicationUrl", out var applicationUrl)
                ? applicationUrl.GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList()
                : [];
            var environment = profile.Value.TryGetProperty("environmentVariables", out var variables)
                ? variables.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString() ?? string.Empty)
                : [];
            return new LaunchProfile(profile.Name, urls, environment);
        }
    }
}
