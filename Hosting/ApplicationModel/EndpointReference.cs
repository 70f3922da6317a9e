namespace Aspire.Hosting.ApplicationModel;

/// <summary>A reference to a resource's endpoint; its value is the URL of the first replica.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName) : IValueProvider, IManifestExpressionProvider
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation Annotation => Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    public string Url => Allocated.UriString;

    public string Host => Allocated.Host;

    public int Port => Allocated.Port;

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    public string ValueExpression => Property(EndpointProperty.Url).ValueExpression;

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Url);

    private AllocatedEndpoint Allocated => Annotation.AllocatedEndpoints.FirstOrDefault()
        ?? throw new InvalidOperationException($"The endpoint '{EndpointName}' of '{Resource.Name}' has no port yet: it is allocated when the application starts.");
}

public enum EndpointProperty
{
    Url,
    Host,
    Port,
    Scheme,
    TargetPort,
}

/// <summary>One property of an endpoint, e.g. <c>{postgres.bindings.tcp.port}</c>.</summary>
public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property) : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string ValueExpression =>
        $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{Property.ToString().ToLowerInvariant() switch { "targetport" => "targetPort", var p => p }}}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Property switch
    {
        EndpointProperty.Url => Endpoint.Url,
        EndpointProperty.Host => Endpoint.Host,
        EndpointProperty.Port or EndpointProperty.TargetPort => Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EndpointProperty.Scheme => Endpoint.Annotation.UriScheme,
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    });
}
