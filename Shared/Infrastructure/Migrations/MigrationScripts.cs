namespace DMarketAspire.Infrastructure.Migrations;

/// <summary>Versioned SQL embedded in the assembly, one file per migration.</summary>
internal static class MigrationScripts
{
    public static string Read(string migrationId)
    {
        using var stream = typeof(MigrationScripts).Assembly.GetManifestResourceStream($"Migrations.{migrationId}.sql")
            ?? throw new InvalidOperationException($"The SQL of migration {migrationId} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
