using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>The built AppHost: <c>Run()</c> starts every resource (or writes the manifest) until Ctrl+C.</summary>
public sealed class DistributedApplication : IHost, IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _scratchDataDirectory;

    internal DistributedApplication(IHost host, string? scratchDataDirectory)
    {
        _host = host;
        _scratchDataDirectory = scratchDataDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceCommandService ResourceCommands => Services.GetRequiredService<ResourceCommandService>();

    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    public DistributedApplicationModel Model => Services.GetRequiredService<DistributedApplicationModel>();

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(Testing.TestingHook.Apply(options));

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public Task RunAsync(CancellationToken cancellationToken = default) => _host.RunAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // RunAsync disposes the host itself.
        }

        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        if (_scratchDataDirectory is not null && Directory.Exists(_scratchDataDirectory))
        {
            try
            {
                Directory.Delete(_scratchDataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
