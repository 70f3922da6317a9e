using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>Moves the market every tick while dynamics are on.</summary>
internal sealed class MarketDynamicsService(MarketModel market, IOptions<SimulatorOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dynamics)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            market.Tick();
        }
    }
}
