using DMarketAspire.Trading.Accounts;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading;
using DMarketAspire.Trading.Selling;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Trading;

/// <summary>
/// For every user with items listed here: reads DMarket's closed sales (each recorded and told once, however many
/// replicas read them) and applies the repricing rule to the listings that follow the best offer.
/// </summary>
public sealed class SaleWatchService(IServiceScopeFactory scopes, IOptions<TradingOptions> options, ILogger<SaleWatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SaleWatchInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<DMarketDbContext>();
                var accounts = services.GetRequiredService<AccountStore>();
                var dmarket = services.GetRequiredService<DMarketClient>();
                async Task<DMarketClient?> AccountFor(long userId, CancellationToken ct) => await accounts.KeysAsync(userId, ct) is { } keys ? dmarket.ForAccount(keys) : null;

                var sellers = await db.Positions.AsNoTracking().Where(p => p.OfferId != null && p.GoneAt == null).Select(p => p.UserId).Distinct().ToListAsync(stoppingToken);
                foreach (var userId in sellers)
                {
                    if (await AccountFor(userId, stoppingToken) is { } account)
                    {
                        await services.GetRequiredService<TradeBook>().SyncAsync(userId, account, stoppingToken);
                    }
                }

                await services.GetRequiredService<SaleDesk>().RepriceDueAsync(AccountFor, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Watching sales failed; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
