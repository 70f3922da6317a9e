using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting;

public static class LocalPostgresBuilderExtensions
{
    private const int MaxConnections = 200;

    /// <summary>
    /// In run mode with no container runtime (<see cref="ContainerRuntimeChoice"/>), runs this PostgreSQL from the
    /// machine's binaries instead of Aspire's container: <c>initdb</c> once into the AppHost's data folder (kept with
    /// <c>WithDataVolume()</c>; a generated password kept beside it), the server on loopback, each
    /// <c>AddDatabase</c> created once the server is healthy. Publish mode and machines with a container runtime
    /// keep Aspire's container. Call it after <c>WithDataVolume()</c>.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> RunAsExecutableWithoutContainerRuntime(this IResourceBuilder<PostgresServerResource> builder)
    {
        var app = builder.ApplicationBuilder;
        if (!ContainerRuntimeChoice.RunsWithoutContainers(app))
        {
            return builder;
        }

        var container = builder.Resource;
        var root = LocalDataDirectory.Resolve(app);
        var persistent = LocalResourceRealization.HasPersistentData(container);
        var dataDirectory = LocalDataDirectory.For(root, container.Name, persistent);
        if (persistent && !app.Resources.Contains(container.PasswordParameter))
        {
            // The cluster keeps the password it was initialised with, beside it: not in user secrets, which can be reset.
            var configured = app.Configuration[$"Parameters:{container.PasswordParameter.Name}"];
            var passwordFile = Path.Combine(root, $"{container.Name}-password");
            container.PasswordParameter = new ParameterResource(container.PasswordParameter.Name,
                _ => StoredSecret.GetOrCreate(passwordFile, () => configured ?? new GenerateParameterDefault { MinLength = 22 }.GetDefaultValue()),
                secret: true);
        }

        var (command, asUser) = PostgresBinaries.AsSystemUser(PostgresBinaries.Find("postgres"), []);
        var local = new LocalPostgresServerResource(container.Name, command, root, container);
        var localBuilder = LocalResourceRealization.Replace(app, container, local)
            .WithIconName("DatabaseMultiple")
            .WithArgs(context =>
            {
                context.Args.AddAll(asUser);
                context.Args.AddAll(PostgresCluster.ServerArguments(dataDirectory,
                    local.PrimaryEndpoint.Property(EndpointProperty.TargetPort), MaxConnections, persistent));
            });

        app.Eventing.Subscribe<BeforeResourceStartedEvent>(local, async (@event, cancellationToken) =>
        {
            if (!persistent)
            {
                RemoveStoppedScratchClusters(Path.GetDirectoryName(dataDirectory)!, container.Name, dataDirectory);
            }

            var password = await container.PasswordParameter.GetValueAsync(cancellationToken);
            var userName = await container.UserNameReference.GetValueAsync(cancellationToken);
            try
            {
                await PostgresCluster.PrepareAsync(dataDirectory, userName!, password!, cancellationToken);
            }
            catch (DistributedApplicationException ex)
            {
                // Aspire keeps a failed start to itself (the resource just never runs): say why where people look.
                @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalPostgresBuilderExtensions))
                    .LogError("PostgreSQL cannot start: {Reason}", ex.Message);
                @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(local).LogError("{Reason}", ex.Message);
                throw;
            }
        });

        string? connectionString = null;
        app.Eventing.Subscribe<ConnectionStringAvailableEvent>(local, async (_, cancellationToken) =>
            connectionString = await local.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var healthCheck = $"{container.Name}_local_check";
        app.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new PostgresReadyCheck(() => connectionString, "postgres"), null, null));
        localBuilder.WithHealthCheck(healthCheck);

        // The databases are added after this call; their checks join the registrations when health checks are first resolved.
        var databaseConnectionStrings = new ConcurrentDictionary<string, string?>();
        app.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var database in DatabasesOf(app, container))
            {
                options.Registrations.Add(new HealthCheckRegistration(DatabaseCheckName(database),
                    _ => new PostgresReadyCheck(() => databaseConnectionStrings.GetValueOrDefault(database.Name), database.DatabaseName), null, null));
            }
        });

        app.Eventing.Subscribe<ResourceReadyEvent>(local, (@event, cancellationToken) =>
            CreateDatabasesAsync(app, local, databaseConnectionStrings, @event.Services, cancellationToken));
        app.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var database in DatabasesOf(app, container))
            {
                // Aspire's own check waits for an event of the container, which is not running: use ours.
                foreach (var aspireCheck in database.Annotations.OfType<HealthCheckAnnotation>().ToList())
                {
                    database.Annotations.Remove(aspireCheck);
                }

                database.Annotations.Add(new HealthCheckAnnotation(DatabaseCheckName(database)));
            }

            FollowServerState(local, container, @event.Services);
            return Task.CompletedTask;
        });

        return builder;
    }

    private static IEnumerable<PostgresDatabaseResource> DatabasesOf(IDistributedApplicationBuilder app, PostgresServerResource container) =>
        app.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == container);

    private static string DatabaseCheckName(PostgresDatabaseResource database) => $"{database.Name}_local_check";

    private static async Task CreateDatabasesAsync(IDistributedApplicationBuilder app, LocalPostgresServerResource local,
        ConcurrentDictionary<string, string?> connectionStrings, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var eventing = services.GetRequiredService<Eventing.IDistributedApplicationEventing>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(local);
        var server = await local.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(PostgresReadyCheck.Unpooled(server!, "postgres"));
        await connection.OpenAsync(cancellationToken);
        foreach (var database in DatabasesOf(app, local.Container))
        {
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
            {
                exists.Parameters.AddWithValue("name", database.DatabaseName);
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database.DatabaseName)}", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                    logger.LogInformation("Created database {Database}.", database.DatabaseName);
                }
            }

            connectionStrings[database.Name] = await database.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await eventing.PublishAsync(new ConnectionStringAvailableEvent(database, services), cancellationToken);
            await notifications.PublishUpdateAsync(database, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                StopTimeStamp = null,
            });
        }
    }

    /// <summary>As Aspire does for a container's children: a database stops, fails or exits with its server.</summary>
    private static void FollowServerState(LocalPostgresServerResource local, PostgresServerResource container, IServiceProvider services)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in notifications.WatchAsync(stopping))
                {
                    if (change.Resource != local || change.Snapshot.State?.Text is not { } state || state == KnownResourceStates.Running)
                    {
                        continue;
                    }

                    foreach (var database in services.GetRequiredService<DistributedApplicationModel>().Resources
                                 .OfType<PostgresDatabaseResource>().Where(d => d.Parent == container))
                    {
                        await notifications.PublishUpdateAsync(database, s => s with { State = state, StopTimeStamp = change.Snapshot.StopTimeStamp });
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The AppHost is stopping.
            }
        }, stopping);
    }

    private static void RemoveStoppedScratchClusters(string runFolder, string resourceName, string current)
    {
        if (!Directory.Exists(runFolder))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(runFolder, $"{resourceName}-*"))
        {
            if (folder != current && !File.Exists(Path.Combine(folder, "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another AppHost may be starting on it; the next run tries again.
                }
            }
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
