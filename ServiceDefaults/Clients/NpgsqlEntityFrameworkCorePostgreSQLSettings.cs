namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire.Npgsql.EntityFrameworkCore.PostgreSQL's settings, bound from <c>Aspire:Npgsql:EntityFrameworkCore:PostgreSQL</c>.</summary>
public sealed class NpgsqlEntityFrameworkCorePostgreSQLSettings
{
    public const string ConfigurationSection = "Aspire:Npgsql:EntityFrameworkCore:PostgreSQL";

    public string? ConnectionString { get; set; }

    public bool DisableRetry { get; set; }

    public bool DisableHealthChecks { get; set; }

    public int? CommandTimeout { get; set; }
}
