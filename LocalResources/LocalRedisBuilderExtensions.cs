using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

public static class LocalRedisBuilderExtensions
{
    public const string PreferGarnetConfigurationKey = "AppHost:PreferGarnet";
    private const string GarnetMemory = "256m";

    /// <summary>
    /// In run mode with no container runtime (<see cref="ContainerRuntimeChoice"/>), runs this Redis from the machine:
    /// Debian's <c>redis-server</c> bound to loopback, else Microsoft's Garnet from the repository's tool manifest
    /// (<c>dotnet tool restore</c>; also when <c>AppHost:PreferGarnet</c> is true). Password-protected as Aspire's
    /// container is; data kept (in the AppHost's data folder) only with <c>WithDataVolume()</c>. Call it after
    /// <c>WithDataVolume()</c>.
    /// </summary>
    public static IResourceBuilder<RedisResource> RunAsExecutableWithoutContainerRuntime(this IResourceBuilder<RedisResource> builder)
    {
        var app = builder.ApplicationBuilder;
        if (!ContainerRuntimeChoice.RunsWithoutContainers(app))
        {
            return builder;
        }

        var container = builder.Resource;
        var persistent = LocalResourceRealization.HasPersistentData(container);
        var dataDirectory = LocalDataDirectory.For(LocalDataDirectory.Resolve(app), container.Name, persistent: true);
        var redisServer = app.Configuration.GetValue<bool>(PreferGarnetConfigurationKey) ? null : ExecutableFinder.Find("redis-server");
        var toolRoot = redisServer is null
            ? ExecutableFinder.ToolManifestRoot(app.AppHostDirectory) ?? throw new DistributedApplicationException(
                "Neither redis-server is on PATH nor a .NET tool manifest with garnet-server is above the AppHost. Install redis-server (Debian: apt-get install -y redis-server) or run 'dotnet tool restore'.")
            : null;

        var local = new LocalRedisResource(container.Name, redisServer ?? "dotnet", toolRoot ?? app.AppHostDirectory, container);
        var localBuilder = LocalResourceRealization.Replace(app, container, local)
            .WithIconName("Memory")
            .WithArgs(context =>
            {
                var port = local.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                if (redisServer is not null)
                {
                    // As in Aspire's container, the password is on redis-server's command line: visible to this machine's users only.
                    context.Args.AddAll(["--port", port, "--bind", "127.0.0.1"]);
                    if (container.PasswordParameter is { } password)
                    {
                        context.Args.AddAll(["--requirepass", password]);
                    }

                    context.Args.AddAll(persistent ? ["--dir", dataDirectory, "--save", "60 1"] : ["--save", "", "--appendonly", "no"]);
                    return;
                }

                context.Args.AddAll(["tool", "run", "garnet-server", "--", "--port", port, "--bind", "127.0.0.1", "--memory", GarnetMemory, "--lua"]);
                if (container.PasswordParameter is { } garnetPassword)
                {
                    context.Args.AddAll(["--auth", "Password", "--password", garnetPassword]);
                }
            });

        if (persistent)
        {
            app.Eventing.Subscribe<BeforeResourceStartedEvent>(local, (_, _) =>
            {
                Directory.CreateDirectory(dataDirectory);
                return Task.CompletedTask;
            });
        }

        string? connectionString = null;
        app.Eventing.Subscribe<ConnectionStringAvailableEvent>(local, async (_, cancellationToken) =>
            connectionString = await local.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var healthCheck = $"{container.Name}_local_check";
        app.Services.AddHealthChecks().AddRedis(_ => connectionString ?? throw new InvalidOperationException("The connection string is not available yet."), name: healthCheck);
        localBuilder.WithHealthCheck(healthCheck);
        return builder;
    }
}
