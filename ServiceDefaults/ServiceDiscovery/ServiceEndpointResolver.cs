using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.ServiceDiscovery;

/// <summary>
/// Resolves <c>scheme://name</c> from configuration the way Microsoft.Extensions.ServiceDiscovery's configuration
/// provider does: <c>services:name:endpoint:0..n</c> (as the AppHost writes <c>services__name__http__0</c>).
/// <c>https+http://name</c> lists the schemes in order of preference; <c>http://_grpc.name</c> names the endpoint.
/// Several addresses (replicas) are used in turn.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    public const string ConfigurationSection = "services";

    private const string DefaultEndpointName = "default";

    private readonly ConcurrentDictionary<string, int> _nextIndex = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The address to send to, or null when the name is not configured and the URI is used as it is.</summary>
    public Uri? Resolve(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return null;
        }

        var (serviceName, endpointName) = ParseHost(uri.Host);
        var schemes = uri.Scheme.Split('+');
        var service = configuration.GetSection(ConfigurationSection).GetSection(serviceName);

        string[] candidates = endpointName is not null ? [endpointName] : [DefaultEndpointName, .. schemes];
        foreach (var candidate in candidates)
        {
            var addresses = ReadAddresses(service.GetSection(candidate));
            if (addresses.Length > 0)
            {
                var index = _nextIndex.AddOrUpdate(serviceName, 0, (_, i) => unchecked(i + 1));
                return Combine(addresses[(int)((uint)index % (uint)addresses.Length)], uri);
            }
        }

        if (schemes.Length > 1 || endpointName is not null)
        {
            throw new InvalidOperationException(
                $"No endpoint for service '{serviceName}' in configuration: set '{ConfigurationSection}:{serviceName}:{endpointName ?? schemes[^1]}:0' " +
                $"(environment variable {ConfigurationSection}__{serviceName}__{endpointName ?? schemes[^1]}__0).");
        }

        return null;
    }

    private static (string Service, string? Endpoint) ParseHost(string host)
    {
        if (host.StartsWith('_') && host.IndexOf('.') is var dot and > 1)
        {
            return (host[(dot + 1)..], host[1..dot]);
        }

        return (host, null);
    }

    private static Uri[] ReadAddresses(IConfigurationSection section)
    {
        if (section.Value is { Length: > 0 } single)
        {
            return Uri.TryCreate(single, UriKind.Absolute, out var one) ? [one] : [];
        }

        return section.GetChildren()
            .OrderBy(child => int.TryParse(child.Key, out var i) ? i : int.MaxValue)
            .Select(child => Uri.TryCreate(child.Value, UriKind.Absolute, out var address) ? address : null)
            .OfType<Uri>()
            .ToArray();
    }

    private static Uri Combine(Uri endpoint, Uri original) => new UriBuilder(original)
    {
        Scheme = endpoint.Scheme,
        Host = endpoint.Host,
        Port = endpoint.Port,
    }.Uri;
}
