namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Aspire's <see cref="RedisResource"/> realised as a local <c>redis-server</c> (or Garnet) process, under the container
/// resource's name; the container resource keeps its password and connection string, whose endpoint is this process's.
/// </summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, RedisResource container)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public RedisResource Container { get; } = container;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => Container.ConnectionStringExpression;

    IEnumerable<KeyValuePair<string, ReferenceExpression>> IResourceWithConnectionString.GetConnectionProperties() =>
        ((IResourceWithConnectionString)Container).GetConnectionProperties();
}
