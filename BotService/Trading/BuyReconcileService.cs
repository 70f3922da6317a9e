using DMarketAspire.Trading.Accounts;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Trading;
using DMarketAspire.Trading.Buying;

namespace DMarketAspire.BotService.Trading;

/// <summary>
/// Runs <see cref="BuyReconciler"/> in every replica: a buy whose answer was lost, here or in a replica that died, is
/// settled from the user's inventory and the market and told through the outbox. Rows are claimed one by one, so
/// replicas share the work without doing any of it twice.
/// </summary>
public sealed class BuyReconcileService(IServiceScopeFactory scopes, IOptions<TradingOptions> options, ILogger<BuyReconcileService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
                var dmarket = scope.ServiceProvider.GetRequiredService<DMarketClient>();
                await scope.ServiceProvider.GetRequiredService<BuyReconciler>().ReconcileDueAsync(
                    async (userId, ct) => await accounts.KeysAsync(userId, ct) is { } keys ? dmarket.ForAccount(keys) : null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Buy reconciliation failed; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
