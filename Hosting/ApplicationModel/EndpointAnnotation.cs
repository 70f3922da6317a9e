namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint of a resource. <see cref="Port"/> is where clients connect; no proxy sits in between here, so it
/// is also the port the process listens on. Null means "pick a free one at start".
/// </summary>
public sealed class EndpointAnnotation(string name, string uriScheme, string transport, int? port, int? targetPort) : IResourceAnnotation
{
    private readonly List<AllocatedEndpoint> _allocated = [];

    public string Name { get; } = name;

    public string UriScheme { get; } = uriScheme;

    /// <summary>http, http2 or tcp, as the manifest's bindings say.</summary>
    public string Transport { get; } = transport;

    public int? Port { get; set; } = port;

    /// <summary>The port inside a container (manifest only); run mode listens on <see cref="Port"/>.</summary>
    public int? TargetPort { get; set; } = targetPort;

    public bool IsExternal { get; set; }

    /// <summary>One per replica, filled when the orchestrator allocates ports.</summary>
    public IReadOnlyList<AllocatedEndpoint> AllocatedEndpoints => _allocated;

    internal void Allocate(IEnumerable<AllocatedEndpoint> endpoints)
    {
        _allocated.Clear();
        _allocated.AddRange(endpoints);
    }
}
