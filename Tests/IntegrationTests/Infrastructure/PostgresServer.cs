using Aspire.Hosting;
using System.Diagnostics;
using Npgsql;

namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL cluster in a temporary folder on a free loopback port, durability off for speed; as root it runs
/// as the <c>postgres</c> user, as the AppHost runs it (<see cref="PostgresBinaries"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SystemUser = PostgresBinaries.SystemUser;
    private const string Password = "postgres";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly string _root;
    private readonly string _dataDirectory;
    private readonly string _postgres;
    private ServerProcess? _process;

    private PostgresServer(string root, string postgres)
    {
        _root = root;
        _dataDirectory = Path.Combine(root, "data");
        _postgres = postgres;
        Port = FreePort.Next();
    }

    public int Port { get; }

    /// <summary>The server's connection string, with <c>Database=postgres</c>.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SystemUser,
        Password = Password,
        Database = database,
        // A test that stops the server should not wait on dead pooled connections.
        Timeout = 5,
        // The test process's own pools (one per test database) kept idle connections for Npgsql's default 5 minutes; with
        // dozens of databases and in-process services alive at once, a full run once met "53300: sorry, too many clients
        // already" (300) in three Scanner tests at the same second.
        ConnectionIdleLifetime = 10,
        ConnectionPruningInterval = 5,
    }.ConnectionString;

    public static async Task<PostgresServer> StartAsync()
    {
        var initdb = PostgresBinaries.Find("initdb");
        var postgres = PostgresBinaries.Find("postgres");

        var root = Directory.CreateTempSubdirectory("dmarket-pg-").FullName;
        var server = new PostgresServer(root, postgres);
        try
        {
            await server.InitializeAsync(initdb);
            await server.RunAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string; each test class gets its own.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(StopGrace);
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the same cluster again on the same port.</summary>
    public Task StartAgainAsync() => RunAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task InitializeAsync(string initdb)
    {
        Directory.CreateDirectory(_dataDirectory);
        if (PostgresBinaries.RunAsSystemUser && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            await RunToEndAsync("chown", [SystemUser, _dataDirectory]);
        }

        var passwordFile = Path.Combine(_root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (PostgresBinaries.RunAsSystemUser)
        {
            await RunToEndAsync("chown", [SystemUser, passwordFile]);
        }

        await RunToEndAsync(initdb, PostgresBinaries.InitdbArguments(_dataDirectory, SystemUser, passwordFile), asPostgresUser: true);
    }

    private async Task RunAsync()
    {
        _process = StartAsPostgresUser(_postgres, ["-D", _dataDirectory, "-p", Port.ToString(), "-k", _dataDirectory,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "max_connections=300"]);

        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                if (_process.HasExited || stopwatch.Elapsed > ReadyTimeout)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL did not accept connections on port {Port} within {ReadyTimeout.TotalSeconds} s. Its output:{Environment.NewLine}{_process.RecentOutput}",
                        exception);
                }

                await Task.Delay(100);
            }
        }
    }

    private static ServerProcess StartAsPostgresUser(string fileName, string[] arguments)
    {
        var (command, commandLine) = PostgresBinaries.AsSystemUser(fileName, arguments);
        return ServerProcess.Start(command, commandLine);
    }

    private static async Task RunToEndAsync(string fileName, string[] arguments, bool asPostgresUser = false)
    {
        using var process = asPostgresUser ? StartAsPostgresUser(fileName, arguments) : ServerProcess.Start(fileName, arguments);
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        var exitCode = await process.WaitForExitAsync(timeout.Token);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with {exitCode}:{Environment.NewLine}{process.RecentOutput}");
        }
    }
}
