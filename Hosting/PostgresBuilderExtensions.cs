using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>
    /// A PostgreSQL server: the machine's binaries in run mode (as root, run as the <c>postgres</c> user), a
    /// <c>postgres</c> container in the manifest. The password is generated unless <paramref name="password"/> is given.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var passwordParameter = password?.Resource ?? ParameterResourceBuilderExtensions.CreateGeneratedParameter(builder, $"{name}-password", new GenerateParameterDefault());
        var server = new PostgresServerResource(name, passwordParameter);
        return builder.AddResource(server)
            .WithAnnotation(new EndpointAnnotation(PostgresServerResource.PrimaryEndpointName, "tcp", "tcp", port, PostgresServerResource.DefaultContainerPort))
            .WithAnnotation(new InstanceHealthCheckAnnotation($"{name}_check", (_, ct) => ResourceHealthChecks.PostgresAsync(server, "postgres", ct)));
    }

    /// <summary>A database created (<c>CREATE DATABASE</c>) once the server is healthy; healthy itself once it accepts connections.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        return builder.ApplicationBuilder.AddResource(database);
    }

    /// <summary>Keeps the cluster between runs: <c>.data/{name}-data</c> here, a named volume when deployed.</summary>
    public static IResourceBuilder<PostgresServerResource> WithDataVolume(this IResourceBuilder<PostgresServerResource> builder, string? name = null) =>
        builder.WithAnnotation(new DataVolumeAnnotation(name ?? VolumeName(builder), "/var/lib/postgresql/data"));

    /// <summary>Aspire's volume naming: application, a hash of the AppHost's path, resource, "data".</summary>
    internal static string VolumeName<T>(IResourceBuilder<T> builder) where T : IResource
    {
        var application = builder.ApplicationBuilder.Environment.ApplicationName.ToLowerInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ApplicationBuilder.AppHostDirectory)))[..10];
        return $"{application}-{hash}-{builder.Resource.Name}-data";
    }
}
