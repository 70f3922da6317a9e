using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>
/// A real Redis on a free loopback port: Debian's <c>redis-server</c> when on PATH, else Microsoft's Garnet
/// from the repository's tool manifest (<c>dotnet tool restore</c> installs it).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string GarnetMemory = "256m";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private ServerProcess? _process;
    private bool _forceGarnet;

    private RedisServer() => Port = FreePort.Next();

    public int Port { get; }

    /// <summary>"redis-server" or "garnet".</summary>
    public string Implementation { get; private set; } = string.Empty;

    /// <summary>StackExchange.Redis form, as Aspire writes <c>ConnectionStrings__cache</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts redis-server if installed, else Garnet; <paramref name="garnet"/> asks for Garnet regardless.</summary>
    public static async Task<RedisServer> StartAsync(bool garnet = false)
    {
        var server = new RedisServer { _forceGarnet = garnet };
        try
        {
            await server.RunAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
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

    public Task StartAgainAsync() => RunAsync();

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task RunAsync()
    {
        var port = Port.ToString();
        if (!_forceGarnet && Executables.Find("redis-server") is { } redis)
        {
            Implementation = "redis-server";
            _process = ServerProcess.Start(redis, ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"]);
        }
        else
        {
            Implementation = "garnet";
            _process = ServerProcess.Start("dotnet", ["tool", "run", "garnet-server", "--", "--port", port, "--bind", "127.0.0.1", "--memory", GarnetMemory, "--lua"],
                Executables.RepositoryRoot());
        }

        var stopwatch = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || stopwatch.Elapsed > ReadyTimeout)
            {
                throw new InvalidOperationException(
                    $"{Implementation} did not answer PING on port {Port} within {ReadyTimeout.TotalSeconds} s. " +
                    $"Install Debian's redis-server, or run 'dotnet tool restore' for Garnet. Its output:{Environment.NewLine}{_process.RecentOutput}");
            }

            await Task.Delay(100);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
