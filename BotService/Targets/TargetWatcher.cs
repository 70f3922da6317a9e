using DMarketAspire.Trading.Accounts;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Targets;

/// <summary>
/// Tells users when a buy order the bot placed for them is filled: the leader reads each such account's closed targets
/// every <see cref="AccountOptions.TargetPollInterval"/>. A fill is claimed in the database (a compare-and-set on the
/// count told) before the message goes, so a restart or a second leader never tells it twice.
/// </summary>
public sealed partial class TargetWatcher(
    BotLeadership leadership,
    IServiceScopeFactory scopes,
    BotReplies replies,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<TargetWatcher> logger) : LeaderService(leadership)
{
    private const string Successful = "successful";

    protected override async Task LeadAsync(CancellationToken term, CancellationToken stoppingToken)
    {
        while (!term.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(term);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCheckFailed(logger, exception);
            }

            await Task.Delay(options.Value.TargetPollInterval, time, term);
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DMarketDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
        var dmarket = scope.ServiceProvider.GetRequiredService<DMarketClient>();
        var open = await db.BotTargets.AsNoTracking().Where(t => t.Status == BotTargetStatus.Active).ToListAsync(cancellationToken);
        foreach (var user in open.GroupBy(t => t.UserId))
        {
            if (await accounts.KeysAsync(user.Key, cancellationToken) is not { } keys)
            {
                continue;
            }

            // Newest first; the first page holds far more fills than one poll interval brings.
            var fills = new Dictionary<string, List<DMarket.Client.Models.ClosedTarget>>(StringComparer.Ordinal);
            await foreach (var closed in dmarket.ForAccount(keys).GetClosedTargetsAsync(cancellationToken).Take(DMarketClient.MaxBatch).WithCancellation(cancellationToken))
            {
                if (closed.Status == Successful)
                {
                    (fills.TryGetValue(closed.TargetId, out var list) ? list : fills[closed.TargetId] = []).Add(closed);
                }
            }

            foreach (var target in user.Where(t => fills.ContainsKey(t.TargetId) && fills[t.TargetId].Count > t.Filled))
            {
                await TellAsync(db, target, fills[target.TargetId], cancellationToken);
            }
        }
    }

    private async Task TellAsync(DMarketDbContext db, BotTarget target, List<DMarket.Client.Models.ClosedTarget> fills, CancellationToken cancellationToken)
    {
        var filled = Math.Min(fills.Count, target.Amount);
        var claimed = await db.BotTargets
            .Where(t => t.TargetId == target.TargetId && t.Filled == target.Filled)
            .ExecuteUpdateAsync(u => u
                .SetProperty(t => t.Filled, filled)
                .SetProperty(t => t.FilledAt, time.GetUtcNow())
                .SetProperty(t => t.Status, filled >= target.Amount ? BotTargetStatus.Filled : BotTargetStatus.Active), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var user = await db.BotUsers.AsNoTracking().SingleAsync(u => u.Id == target.UserId, cancellationToken);
        var t = BotTexts.For(user.Language);
        foreach (var fill in fills.OrderBy(f => f.ClosedAt).Skip(target.Filled).Take(filled - target.Filled))
        {
            await replies.SendAsync(user.ChatId, t.Format(t.TargetFilled, Html.Escape(fill.Title), Money.DollarString(fill.PriceCents)), null, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking filled buy orders failed; checking again at the next interval.")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
