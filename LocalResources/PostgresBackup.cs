using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace Aspire.Hosting;

/// <summary>
/// Backups of a PostgreSQL database with the machine's <c>pg_dump</c> (custom format: compressed, restorable whole or
/// in part), named by time so that they sort, the newest <c>keep</c> kept; and their restore with <c>pg_restore</c>.
/// Either server kind works (local binaries or a container): only the client tools run here.
/// </summary>
public static class PostgresBackup
{
    public const string Extension = ".dump";

    /// <summary>Dumps the database of <paramref name="connectionString"/> into <paramref name="folder"/>; returns the file.</summary>
    public static async Task<string> BackUpAsync(string connectionString, string folder, int keep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        var connection = Parse(connectionString);
        Directory.CreateDirectory(folder);
        var name = $"{connection.Database}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}";
        var file = Path.Combine(folder, name + Extension);
        // Written beside, then moved: a backup cut short never looks like a good one.
        var partial = file + ".partial";
        _ = await RunAsync("pg_dump", connection, ["--format=custom", "--no-owner", "--file", partial, "--dbname", connection.Database], cancellationToken);
        File.Move(partial, file);
        foreach (var old in Directory.GetFiles(folder, $"{connection.Database}-*{Extension}").Order(StringComparer.Ordinal).SkipLast(keep))
        {
            File.Delete(old);
        }

        return file;
    }

    /// <summary>Restores <paramref name="file"/> into the (new, empty) database of <paramref name="connectionString"/>.</summary>
    public static async Task RestoreAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var connection = Parse(connectionString);
        _ = await RunAsync("pg_restore", connection, ["--no-owner", "--exit-on-error", "--dbname", connection.Database, file], cancellationToken);
    }

    /// <summary>Whether the database of <paramref name="connectionString"/> has no table of its own yet.</summary>
    public static async Task<bool> IsEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = Parse(connectionString);
        var count = await RunAsync("psql", connection,
            ["--dbname", connection.Database, "--tuples-only", "--no-align", "--command", "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"],
            cancellationToken);
        return count.Trim() == "0";
    }

    private static async Task<string> RunAsync(string tool, Connection connection, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(PostgresBinaries.Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["--host", connection.Host, "--port", connection.Port, "--username", connection.User, "--no-password", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes in the environment, never on the command line (where `ps` would show it).
        start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{tool} failed with exit code {process.ExitCode}: {(await errors).Trim()}");
        }

        return await output;
    }

    private static Connection Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string Get(string key, string fallback) => builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text : fallback;
        return new Connection(Get("Host", "localhost"), Get("Port", "5432"), Get("Username", "postgres"), Get("Password", string.Empty), Get("Database", "postgres"));
    }

    private sealed record Connection(string Host, string Port, string User, string Password, string Database);
}
