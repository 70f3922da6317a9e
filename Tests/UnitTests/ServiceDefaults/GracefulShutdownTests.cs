using DMarketAspire.TestSupport;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DMarketAspire.UnitTests.ServiceDefaults;

public sealed class GracefulShutdownTests
{
    // .NET 10 runs ExecuteAsync on the thread pool; a stop issued before it runs would skip it entirely.
    private abstract class SignallingWorker : BackgroundService
    {
        protected readonly TaskCompletionSource StartedWork = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Working => StartedWork.Task;
    }

    private sealed class StubbornWorker : SignallingWorker
    {
        // Ignores the stopping token on purpose: the host must not wait for it forever.
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            StartedWork.SetResult();
            return Task.Delay(Timeout.Infinite, CancellationToken.None);
        }
    }

    private sealed class CooperativeWorker : SignallingWorker
    {
        public bool Finished { get; private set; }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            StartedWork.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                Finished = true;
            }
        }
    }

    [Fact]
    public async Task StopsWithinFiveSecondsEvenWhenAWorkerIgnoresCancellation()
    {
        var worker = new StubbornWorker();
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?>(), b => b.Services.AddSingleton<IHostedService>(worker));
        await host.StartAsync(TestContext.Current.CancellationToken);
        await worker.Working.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var stopwatch = Stopwatch.StartNew();
        await host.StopAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task CooperativeWorkersFinishPromptly()
    {
        var worker = new CooperativeWorker();
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?>(), b => b.Services.AddSingleton<IHostedService>(worker));
        await host.StartAsync(TestContext.Current.CancellationToken);
        await worker.Working.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var stopwatch = Stopwatch.StartNew();
        await host.StopAsync(CancellationToken.None);

        Assert.True(worker.Finished);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"Took {stopwatch.Elapsed}.");
    }

    [Fact]
    public void AnExplicitShutdownTimeoutWins()
    {
        using var host = ServiceDefaultsHost.Build(new Dictionary<string, string?> { ["shutdownTimeoutSeconds"] = "12" });

        Assert.Equal(TimeSpan.FromSeconds(12), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
