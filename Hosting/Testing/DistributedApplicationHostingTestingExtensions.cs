using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Testing;

public static class DistributedApplicationHostingTestingExtensions
{
    /// <summary>An HttpClient whose base address is the resource's endpoint (the first replica's).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null) =>
        new() { BaseAddress = app.GetEndpoint(resourceName, endpointName) };

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        var endpoints = Resource(app, resourceName).Annotations.OfType<EndpointAnnotation>().ToList();
        var endpoint = endpointName is null ? endpoints.FirstOrDefault() : endpoints.FirstOrDefault(e => e.Name == endpointName);
        if (endpoint is null || endpoint.AllocatedEndpoints.Count == 0)
        {
            throw new ArgumentException($"Resource '{resourceName}' has no allocated endpoint{(endpointName is null ? string.Empty : $" named '{endpointName}'")}; is the app started?");
        }

        return new Uri(endpoint.AllocatedEndpoints[0].UriString);
    }

    public static ValueTask<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        Resource(app, resourceName) is IResourceWithConnectionString resource
            ? resource.GetConnectionStringAsync(cancellationToken)
            : throw new ArgumentException($"Resource '{resourceName}' has no connection string.");

    private static IResource Resource(DistributedApplication app, string name) =>
        app.Model.Resources.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"No resource named '{name}'.");
}
