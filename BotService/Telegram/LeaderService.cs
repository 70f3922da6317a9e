namespace DMarketAspire.BotService.Telegram;

/// <summary>Work only the leader does: it runs for each term of leadership and is cancelled when the term ends.</summary>
public abstract class LeaderService(BotLeadership leadership) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await leadership.WaitForLeadershipAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using var both = CancellationTokenSource.CreateLinkedTokenSource(term, stoppingToken);
            try
            {
                await LeadAsync(both.Token, stoppingToken);
            }
            catch (OperationCanceledException) when (both.IsCancellationRequested)
            {
                // The term ended, or the service is stopping.
            }
        }
    }

    /// <param name="term">Cancelled when leadership ends or the service stops.</param>
    /// <param name="stoppingToken">Cancelled only when the service stops (to finish an update already started).</param>
    protected abstract Task LeadAsync(CancellationToken term, CancellationToken stoppingToken);
}
