namespace Aspire.Hosting.ApplicationModel;

/// <summary>A Redis server: redis-server (or Garnet) in run mode, the official image when published.</summary>
public sealed class RedisResource : Resource, IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    internal const string PrimaryEndpointName = "tcp";
    internal const int DefaultContainerPort = 6379;

    public RedisResource(string name, ParameterResource password) : base(name)
    {
        PasswordParameter = password;
        PrimaryEndpoint = new EndpointReference(this, PrimaryEndpointName);
    }

    public ParameterResource PasswordParameter { get; }

    public EndpointReference PrimaryEndpoint { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");
}
