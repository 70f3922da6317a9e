using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>A Redis server: redis-server (or Garnet) in run mode, a <c>redis</c> container in the manifest; password-protected.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null,
        IResourceBuilder<ParameterResource>? password = null)
    {
        var passwordParameter = password?.Resource
            ?? ParameterResourceBuilderExtensions.CreateGeneratedParameter(builder, $"{name}-password", new GenerateParameterDefault(Special: false));
        var redis = new RedisResource(name, passwordParameter);
        return builder.AddResource(redis)
            .WithAnnotation(new EndpointAnnotation(RedisResource.PrimaryEndpointName, "redis", "tcp", port, RedisResource.DefaultContainerPort))
            .WithAnnotation(new InstanceHealthCheckAnnotation($"{name}_check", (_, ct) => ResourceHealthChecks.RedisAsync(redis, ct)));
    }

    /// <summary>Keeps Redis's snapshot between runs (<c>--save 60 1</c>), as Aspire's <c>WithDataVolume</c>.</summary>
    public static IResourceBuilder<RedisResource> WithDataVolume(this IResourceBuilder<RedisResource> builder, string? name = null) =>
        builder.WithAnnotation(new DataVolumeAnnotation(name ?? PostgresBuilderExtensions.VolumeName(builder), "/data"));
}
