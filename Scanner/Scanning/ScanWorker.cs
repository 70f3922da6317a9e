using DMarketAspire.Coordination;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Scanner.Infrastructure;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>
/// Runs scans forever: takes the lease of a unit (game × level) nobody holds, scans it while renewing the lease, then
/// lets it rest. Several replicas split the units this way; a replica that dies loses its leases by expiry.
/// </summary>
public sealed partial class ScanWorker(
    IServiceScopeFactory scopes,
    SchemaGate schema,
    RedisLeases leases,
    IOptions<ScannerOptions> options,
    OpportunityEngine engine,
    ILogger<ScanWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schema.WaitAsync(stoppingToken);

        var units = options.Value.EffectiveGames.SelectMany(game => engine.Levels.Select(level => new ScanUnit(game, level))).ToArray();
        // Replicas start their rounds at different units, so they rarely race for the same lease.
        var offset = Math.Abs(leases.Owner.GetHashCode()) % units.Length;
        var lanes = Enumerable.Range(0, options.Value.ConcurrentUnits).Select(lane => RunLaneAsync(units, offset + lane, stoppingToken));
        await Task.WhenAll(lanes);
    }

    private async Task RunLaneAsync(ScanUnit[] units, int start, CancellationToken stoppingToken)
    {
        var next = start;
        while (!stoppingToken.IsCancellationRequested)
        {
            var scanned = false;
            for (var i = 0; i < units.Length && !stoppingToken.IsCancellationRequested; i++)
            {
                var unit = units[(next + i) % units.Length];
                if (await leases.TryAcquireAsync(unit.Key, options.Value.LeaseDuration))
                {
                    next = next + i + 1;
                    await ScanLeasedAsync(unit, stoppingToken);
                    scanned = true;
                    break;
                }
            }

            if (!scanned)
            {
                await Task.Delay(options.Value.IdleDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ScanLeasedAsync(ScanUnit unit, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(unit, lost);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MarketScanner>().ScanAsync(unit, lost.Token);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Shutting down, or the lease was lost: another replica carries on.
        }
        catch (Exception exception)
        {
            LogScanFailed(logger, unit.Key, exception);
        }
        finally
        {
            await lost.CancelAsync();
            await renewing;
            await leases.ReleaseAsync(unit.Key, stoppingToken.IsCancellationRequested ? TimeSpan.Zero : options.Value.UnitCooldown);
        }
    }

    private async Task RenewAsync(ScanUnit unit, CancellationTokenSource lost)
    {
        if (!await leases.HoldAsync(unit.Key, options.Value.LeaseDuration, lost.Token))
        {
            LogLeaseLost(logger, unit.Key);
            await lost.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan of {Unit} failed; it will be scanned again in a later round.")]
    private static partial void LogScanFailed(ILogger logger, string unit, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of {Unit} while scanning it; stopping this scan.")]
    private static partial void LogLeaseLost(ILogger logger, string unit);
}
