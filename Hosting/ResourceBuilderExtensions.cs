using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

/// <summary>The fluent calls every resource shares: references, environment, waiting, health, URLs.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Injects <c>ConnectionStrings__{name}</c> (the name defaults to the resource's).</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        return builder.WithEnvironment(context => context.EnvironmentVariables[$"ConnectionStrings__{connectionName ?? resource.Name}"] = resource);
    }

    /// <summary>Injects <c>services__{name}__{endpoint}__{i}</c> for every endpoint and replica, for service discovery.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        return builder.WithEnvironment(context =>
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                if (context.ExecutionContext.IsPublishMode)
                {
                    context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__0"] = new EndpointReference(resource, endpoint.Name);
                    continue;
                }

                for (var i = 0; i < endpoint.AllocatedEndpoints.Count; i++)
                {
                    context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__{i}"] = endpoint.AllocatedEndpoints[i].UriString;
                }
            }
        });
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            callback(context);
            return Task.CompletedTask;
        }));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value) where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    /// <summary>An endpoint's URL: the running replica's in run mode, <c>{x.bindings.http.url}</c> in the manifest.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint) where T : IResourceWithEnvironment
    {
        builder.WithAnnotation(new ResourceRelationshipAnnotation(endpoint.Resource, "Reference"));
        return builder.WithEnvironment(context => context.EnvironmentVariables[name] = endpoint);
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter) where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = parameter.Resource);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value) where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    /// <summary>Stays <c>Waiting</c> until <paramref name="dependency"/> runs and its health checks pass.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency) where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilHealthy));

    /// <summary>Stays <c>Waiting</c> until <paramref name="dependency"/> has exited with <paramref name="exitCode"/>; fails to start if it exits otherwise.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, int exitCode = 0) where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitForCompletion, exitCode));

    /// <summary>The AppHost polls <paramref name="path"/> on the endpoint (every replica) and expects <paramref name="statusCode"/>.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/", int statusCode = 200, string? endpointName = null)
        where T : IResourceWithEndpoints
    {
        var name = endpointName ?? "http";
        var key = $"{builder.Resource.Name}_{name}_{path}_{statusCode}_check";
        return builder.WithAnnotation(new InstanceHealthCheckAnnotation(key, (replica, cancellationToken) =>
        {
            var endpoint = new EndpointReference(builder.Resource, name).Annotation.AllocatedEndpoints[replica];
            return ResourceHealthChecks.HttpAsync(new Uri(new Uri(endpoint.UriString), path), statusCode, cancellationToken);
        }));
    }

    /// <summary>A check registered with <c>builder.Services.AddHealthChecks().AddCheck(key, ...)</c>.</summary>
    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> builder, string key) where T : IResource =>
        builder.WithAnnotation(new HealthCheckAnnotation(key));

    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }

    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name) where T : IResourceWithEndpoints =>
        new(builder.Resource, name);

    /// <summary>A link shown with the resource; a relative one is resolved against the endpoint's URL.</summary>
    public static IResourceBuilder<T> WithUrl<T>(this IResourceBuilder<T> builder, string url, string displayText, string endpointName = "http") where T : IResource =>
        builder.WithAnnotation(new ResourceUrlAnnotation(url, displayText, endpointName));
}
