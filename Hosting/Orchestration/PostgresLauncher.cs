using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// PostgreSQL from the machine's binaries. The cluster is <c>initdb</c>-ed on first run into the data folder (kept with
/// <c>WithDataVolume()</c>, else thrown away at stop); as root it runs as the <c>postgres</c> user (<see cref="PostgresBinaries"/>).
/// </summary>
internal sealed class PostgresLauncher(PostgresServerResource resource, string dataRoot, OrchestratorOptions options) : IResourceLauncher
{
    private readonly bool _persistent = resource.Annotations.OfType<DataVolumeAnnotation>().Any();
    private string? _dataDirectory;

    public async Task<LaunchSpec> PrepareAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        var postgres = PostgresBinaries.Find("postgres");
        _dataDirectory ??= _persistent
            ? Path.Combine(dataRoot, $"{resource.Name}-data")
            : Path.Combine(dataRoot, "run", $"{resource.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDirectory);
        if (PostgresBinaries.RunAsSystemUser)
        {
            EnsureReachableByPostgresUser(_dataDirectory);
        }

        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            // initdb as the postgres user needs the (empty) folder to be that user's; an existing cluster already is.
            if (PostgresBinaries.RunAsSystemUser)
            {
                await RunAsync("chown", [PostgresBinaries.SystemUser, _dataDirectory], cancellationToken);
            }

            await InitializeClusterAsync(cancellationToken);
        }

        StopOrphanedPostmaster(_dataDirectory);

        string[] arguments =
        [
            "-D", _dataDirectory, "-p", resource.PrimaryEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: a socket path inside a deep repository folder can exceed the 107-byte limit.
            "-c", "unix_socket_directories=",
            "-c", $"max_connections={options.PostgresMaxConnections}",
            .. _persistent ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
        ];
        var (fileName, commandLine) = PostgresBinaries.AsSystemUser(postgres, arguments);
        return new LaunchSpec(fileName, commandLine, _dataDirectory, new Dictionary<string, string>(), Signals.SigInt);
    }

    public void CleanUp()
    {
        if (!_persistent && _dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover scratch cluster is harmless; the next run makes a new one.
            }
        }
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        var initdb = PostgresBinaries.Find("initdb");
        var passwordFile = Path.Combine(_dataDirectory!, "..", $".{resource.Name}-pwfile");
        await File.WriteAllTextAsync(passwordFile, resource.PasswordParameter.Value, cancellationToken);
        try
        {
            if (PostgresBinaries.RunAsSystemUser)
            {
                await RunAsync("chown", [PostgresBinaries.SystemUser, passwordFile], cancellationToken);
            }

            var (fileName, arguments) = PostgresBinaries.AsSystemUser(initdb, PostgresBinaries.InitdbArguments(_dataDirectory!, resource.UserName, Path.GetFullPath(passwordFile)));
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
                    $"Run as a normal user, run 'chmod o+x {dir.FullName}', or set AppHost:DataDirectory to a reachable folder.");
            }
        }
    }

    private static async Task RunAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

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
