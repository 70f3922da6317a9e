namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Aspire's <see cref="PostgresServerResource"/> realised as a local <c>postgres</c> process. It takes the container
/// resource's name and place in the model; the container resource keeps its databases, parameters and connection
/// string, whose endpoint is this process's.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, PostgresServerResource container)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    /// <summary>The Aspire resource this process stands for (not in the model in run mode without containers).</summary>
    public PostgresServerResource Container { get; } = container;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>The container resource's own connection string: the same shape, user and password as Aspire's.</summary>
    public ReferenceExpression ConnectionStringExpression => Container.ConnectionStringExpression;

    IEnumerable<KeyValuePair<string, ReferenceExpression>> IResourceWithConnectionString.GetConnectionProperties() =>
        ((IResourceWithConnectionString)Container).GetConnectionProperties();
}
