using Npgsql;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server: the machine's own binaries in run mode, the official image when published.</summary>
public sealed class PostgresServerResource : Resource, IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string DefaultUserName = "postgres";
    internal const int DefaultContainerPort = 5432;

    public PostgresServerResource(string name, ParameterResource password) : base(name)
    {
        PasswordParameter = password;
        PrimaryEndpoint = new EndpointReference(this, PrimaryEndpointName);
    }

    public ParameterResource PasswordParameter { get; }

    public EndpointReference PrimaryEndpoint { get; }

    public string UserName => DefaultUserName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    /// <summary>The connection string the AppHost itself uses (health checks, CREATE DATABASE): short timeouts, no pooling.</summary>
    internal string AdminConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = PrimaryEndpoint.Host,
        Port = PrimaryEndpoint.Port,
        Username = UserName,
        Password = PasswordParameter.Value,
        Database = database,
        Timeout = 3,
        Pooling = false,
    }.ConnectionString;
}
