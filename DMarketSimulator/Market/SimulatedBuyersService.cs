using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>Lets simulated buyers take accounts' listings every tick, whether or not the rest of the market moves.</summary>
internal sealed class SimulatedBuyersService(MarketModel market, IOptions<SimulatorOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Buyers)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            market.SellToBuyers();
        }
    }
}
