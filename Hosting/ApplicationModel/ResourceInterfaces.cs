namespace Aspire.Hosting.ApplicationModel;

/// <summary>A resource whose value other resources receive as <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString : IResource, IValueProvider, IManifestExpressionProvider
{
    ReferenceExpression ConnectionStringExpression { get; }

    ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ConnectionStringExpression.GetValueAsync(cancellationToken);

    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) => GetConnectionStringAsync(cancellationToken);

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";
}

/// <summary>A resource that listens on endpoints (<see cref="EndpointAnnotation"/>).</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource others find by name through <c>services__{name}__{endpoint}__{i}</c> (a project).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource that receives environment variables.</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that can wait for others before it starts.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource owned by another, such as a database on a server.</summary>
public interface IResourceWithParent<out T> : IResource where T : IResource
{
    T Parent { get; }
}

/// <summary>A value known at run time (a port, a password) that the manifest writes as an expression.</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}

/// <summary>How a value is written in the deployment manifest, e.g. <c>{postgres.bindings.tcp.port}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
