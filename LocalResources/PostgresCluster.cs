using System.Diagnostics;

namespace Aspire.Hosting;

/// <summary>
/// A PostgreSQL data folder made ready to start: <c>initdb</c>-ed on first use (as the <c>postgres</c> user under root),
/// and freed of a postmaster that an AppHost killed outright left behind.
/// </summary>
internal static class PostgresCluster
{
    public static async Task PrepareAsync(string dataDirectory, string userName, string password, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        if (PostgresBinaries.RunAsSystemUser)
        {
            EnsureReachableByPostgresUser(dataDirectory);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(dataDirectory, userName, password, cancellationToken);
        }

        StopOrphanedPostmaster(dataDirectory);
    }

    /// <summary>The postgres server's arguments: loopback TCP only, on <paramref name="port"/>.</summary>
    public static IEnumerable<object> ServerArguments(string dataDirectory, object port, int maxConnections, bool persistent) =>
    [
        "-D", dataDirectory, "-p", port,
        "-c", "listen_addresses=127.0.0.1",
        // TCP only: a socket path inside a deep repository folder can exceed the 107-byte limit.
        "-c", "unix_socket_directories=",
        "-c", $"max_connections={maxConnections}",
        .. persistent ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    ];

    private static async Task InitializeAsync(string dataDirectory, string userName, string password, CancellationToken cancellationToken)
    {
        // initdb as the postgres user needs the (empty) folder to be that user's; an existing cluster already is.
        if (PostgresBinaries.RunAsSystemUser)
        {
            await RunAsync("chown", [PostgresBinaries.SystemUser, dataDirectory], cancellationToken);
        }

        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, $".{Path.GetFileName(dataDirectory)}-pwfile");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (PostgresBinaries.RunAsSystemUser)
            {
                await RunAsync("chown", [PostgresBinaries.SystemUser, passwordFile], cancellationToken);
            }

            var (fileName, arguments) = PostgresBinaries.AsSystemUser(PostgresBinaries.Find("initdb"),
                PostgresBinaries.InitdbArguments(dataDirectory, userName, passwordFile));
            await RunAsync(fileName, arguments, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>A postmaster left running by an AppHost that was killed outright still holds the folder: stop it first.</summary>
    private static void StopOrphanedPostmaster(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }

        try
        {
            using var orphan = Process.GetProcessById(pid);
            if (orphan.ProcessName is "postgres" or "postmaster")
            {
                Signals.Send(pid, Signals.SigInt);
                orphan.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (ArgumentException)
        {
            // Not running: PostgreSQL removes the stale pid file itself.
        }
    }

    private static void EnsureReachableByPostgresUser(string folder)
    {
        for (var dir = new DirectoryInfo(folder).Parent; dir is not null; dir = dir.Parent)
        {
            if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                throw new DistributedApplicationException(
                    $"As root, PostgreSQL runs as the '{PostgresBinaries.SystemUser}' user, which cannot reach '{folder}' because '{dir.FullName}' is not searchable by others. " +
                    $"Run as a normal user, run 'chmod o+x {dir.FullName}', or set {LocalDataDirectory.ConfigurationKey} to a reachable folder.");
            }
        }
    }

    private static async Task RunAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{Path.GetFileName(fileName)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
