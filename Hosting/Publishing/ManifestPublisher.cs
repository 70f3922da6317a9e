using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Publishing;

/// <summary>
/// <c>--publisher manifest --output-path X</c>: writes the app model as Aspire's deployment manifest (schema aspire-8.0)
/// and exits. PostgreSQL and Redis are written as Aspire writes them (<c>container.v0</c> with the official images), not as
/// the local processes they are here, so azd and Kubernetes tools deploy them as they would a real Aspire app.
/// </summary>
internal sealed class ManifestPublisher(
    DistributedApplicationModel model,
    EnvironmentResolver environment,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<ManifestPublisher> logger) : IHostedService
{
    internal const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";
    private const string PostgresImage = "docker.io/library/postgres:17.6";
    private const string RedisImage = "docker.io/library/redis:8.6";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(configuration["Publishing:OutputPath"] ?? "aspire-manifest.json");
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "aspire-manifest.json");
        }

        try
        {
            var manifest = await WriteAsync(Path.GetDirectoryName(path)!, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), cancellationToken);
            LogWritten(logger, path);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
            Environment.ExitCode = 1;
        }

        lifetime.StopApplication();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task<JsonObject> WriteAsync(string manifestDirectory, CancellationToken cancellationToken)
    {
        var resources = new JsonObject();
        foreach (var resource in model.Resources.Where(r => r is not ParameterResource).Concat(model.Resources.OfType<ParameterResource>()))
        {
            resources[resource.Name] = resource switch
            {
                PostgresServerResource postgres => Postgres(postgres),
                PostgresDatabaseResource database => new JsonObject { ["type"] = "value.v0", ["connectionString"] = database.ConnectionStringExpression.ValueExpression },
                RedisResource redis => Redis(redis),
                ProjectResource project => await ProjectAsync(project, manifestDirectory, cancellationToken),
                ParameterResource parameter => Parameter(parameter),
                _ => throw new DistributedApplicationException($"The manifest publisher does not know resource type {resource.GetType().Name} ('{resource.Name}')."),
            };
        }

        return new JsonObject { ["$schema"] = SchemaUrl, ["resources"] = resources };
    }

    private static JsonObject Postgres(PostgresServerResource postgres)
    {
        var password = postgres.PasswordParameter.ValueExpression;
        return new JsonObject
        {
            ["type"] = "container.v0",
            ["connectionString"] = postgres.ConnectionStringExpression.ValueExpression,
            ["image"] = PostgresImage,
            ["volumes"] = Volumes(postgres),
            ["env"] = new JsonObject
            {
                ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
                ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
                ["POSTGRES_USER"] = postgres.UserName,
                ["POSTGRES_PASSWORD"] = password,
            },
            ["bindings"] = TcpBinding(postgres, "tcp"),
        };
    }

    private static JsonObject Redis(RedisResource redis)
    {
        var persistent = redis.Annotations.OfType<DataVolumeAnnotation>().Any();
        return new JsonObject
        {
            ["type"] = "container.v0",
            ["connectionString"] = redis.ConnectionStringExpression.ValueExpression,
            ["image"] = RedisImage,
            ["entrypoint"] = "/bin/sh",
            ["args"] = new JsonArray("-c", persistent ? "redis-server --requirepass $REDIS_PASSWORD --save 60 1" : "redis-server --requirepass $REDIS_PASSWORD"),
            ["volumes"] = Volumes(redis),
            ["env"] = new JsonObject { ["REDIS_PASSWORD"] = redis.PasswordParameter.ValueExpression },
            ["bindings"] = TcpBinding(redis, "redis"),
        };
    }

    private async Task<JsonObject> ProjectAsync(ProjectResource project, string manifestDirectory, CancellationToken cancellationToken)
    {
        var env = new JsonObject();
        foreach (var (name, value) in await environment.ResolveAsync(project, 0, cancellationToken))
        {
            env[name] = value;
        }

        var result = new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = Path.GetRelativePath(manifestDirectory, project.Metadata.ProjectPath).Replace('\\', '/'),
            ["env"] = env,
        };
        var endpoints = project.Annotations.OfType<EndpointAnnotation>().ToList();
        if (endpoints.Count > 0)
        {
            var bindings = new JsonObject();
            foreach (var endpoint in endpoints)
            {
                var binding = new JsonObject { ["scheme"] = endpoint.UriScheme, ["protocol"] = "tcp", ["transport"] = endpoint.Transport };
                if (endpoint.IsExternal)
                {
                    binding["external"] = true;
                }

                bindings[endpoint.Name] = binding;
            }

            result["bindings"] = bindings;
        }

        return result;
    }

    private static JsonObject Parameter(ParameterResource parameter)
    {
        var input = new JsonObject { ["type"] = "string", ["secret"] = parameter.Secret };
        if (parameter.Generate is { } generate)
        {
            var rules = new JsonObject { ["minLength"] = generate.MinLength };
            foreach (var (flag, enabled) in new[] { ("lower", generate.Lower), ("upper", generate.Upper), ("numeric", generate.Numeric), ("special", generate.Special) })
            {
                if (!enabled)
                {
                    rules[flag] = false;
                }
            }

            input["default"] = new JsonObject { ["generate"] = rules };
        }

        return new JsonObject
        {
            ["type"] = "parameter.v0",
            ["value"] = $"{{{parameter.Name}.inputs.value}}",
            ["inputs"] = new JsonObject { ["value"] = input },
        };
    }

    private static JsonArray Volumes(IResource resource) => new(resource.Annotations.OfType<DataVolumeAnnotation>()
        .Select(v => (JsonNode)new JsonObject { ["name"] = v.Name, ["target"] = v.Target, ["readOnly"] = false }).ToArray());

    private static JsonObject TcpBinding(IResource resource, string scheme)
    {
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "tcp");
        return new JsonObject
        {
            ["tcp"] = new JsonObject { ["scheme"] = scheme, ["protocol"] = "tcp", ["transport"] = "tcp", ["targetPort"] = endpoint.TargetPort },
        };
    }

    private static readonly Action<ILogger, string, Exception?> LogWrittenMessage =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "ManifestWritten"), "Wrote the deployment manifest to {Path}");

    private static readonly Action<ILogger, Exception?> LogFailedMessage =
        LoggerMessage.Define(LogLevel.Error, new EventId(2, "ManifestFailed"), "Could not write the deployment manifest");

    private static void LogWritten(ILogger logger, string path) => LogWrittenMessage(logger, path, null);

    private static void LogFailed(ILogger logger, Exception exception) => LogFailedMessage(logger, exception);
}
