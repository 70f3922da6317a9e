using System.Net;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using DMarketAspire.Trading.Positions;
using Npgsql;

namespace DMarketAspire.Trading.Buying;

/// <summary>
/// Buying a listing for a user, never twice: the intent is a row before anything is sent; a confirmation claims it with
/// one conditional update (Proposed → Sending), so a second press, a second replica or an Api retry finds it taken; the
/// answer is recorded in the same row; an answer that never came leaves it for <see cref="BuyReconciler"/>, and nothing
/// sends that buy again. Buys go out at the listing's exact price, so a repriced listing fails instead of costing more.
/// </summary>
public sealed class BuyDesk(DMarketDbContext db, PositionBook positions, TradingMetrics metrics, TimeProvider time, IOptions<TradingOptions> options, ILogger<BuyDesk> logger)
{
    public const string OfferNotFound = "OfferNotFound";
    public const string OfferPriceChanged = "OfferPriceChanged";
    public const string NotEnoughBalance = "NotEnoughBalance";
    public const string KeysRefused = "KeysRefused";
    public const string NotAnswered = "NotAnswered";
    public const string NotTaken = "NotTaken";

    private readonly TradingOptions _options = options.Value;

    /// <summary>How long a buy may stay Sending before reconciliation takes it as having lost its answer.</summary>
    internal TimeSpan AnswerDeadline => _options.AnswerDeadline;

    /// <summary>
    /// A summary to confirm: the listing read live (a sold or repriced one retires the opportunity at once, for everyone)
    /// and recorded as a Proposed buy at its exact price. Null with <see cref="BuyOutcome.AlreadySold"/> when it is gone.
    /// </summary>
    public async Task<(Buy? Buy, BuyOutcome? Problem)> ProposeAsync(long userId, Opportunity opportunity, DMarketClient account, string channel, string? requestKey, CancellationToken cancellationToken)
    {
        if (requestKey is not null && await db.Buys.AsNoTracking().SingleOrDefaultAsync(b => b.UserId == userId && b.RequestKey == requestKey, cancellationToken) is { } earlier)
        {
            return (earlier, null);
        }

        var listing = await FindListingAsync(account, opportunity.GameId, opportunity.Title, opportunity.OfferId, opportunity.BuyPriceCents, cancellationToken);
        if (listing is null)
        {
            await OpportunityRetirement.RetireAsync(db, opportunity.Id, OfferNotFound, time.GetUtcNow(), cancellationToken);
            metrics.Buy(BuyOutcome.AlreadySold, channel);
            return (null, BuyOutcome.AlreadySold);
        }

        var buy = new Buy
        {
            UserId = userId,
            OpportunityId = opportunity.Id,
            OfferId = opportunity.OfferId,
            AssetId = listing.ItemId,
            GameId = opportunity.GameId,
            Title = opportunity.Title,
            PriceCents = listing.PriceCents,
            ResaleCents = opportunity.ResaleCents,
            ExpectedProfitCents = opportunity.ProfitCents,
            Status = BuyStatus.Proposed,
            Channel = channel,
            RequestKey = requestKey,
            CreatedAt = time.GetUtcNow(),
        };
        db.Buys.Add(buy);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (buy, null);
    }

    public async Task SetMessageAsync(long buyId, int messageId, CancellationToken cancellationToken) =>
        await db.Buys.Where(b => b.Id == buyId).ExecuteUpdateAsync(u => u.SetProperty(b => b.MessageId, messageId), cancellationToken);

    public async Task<bool> CancelAsync(long userId, long buyId, CancellationToken cancellationToken) =>
        await db.Buys.Where(b => b.Id == buyId && b.UserId == userId && b.Status == BuyStatus.Proposed)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BuyStatus.Cancelled).SetProperty(b => b.SettledAt, time.GetUtcNow()), cancellationToken) > 0;

    /// <summary>The user said yes: claim the buy (once), send it, record what DMarket said.</summary>
    public async Task<BuyReport> ConfirmAsync(long userId, long buyId, DMarketClient account, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var freshSince = now - _options.ProposalLifetime;
        int claimed;
        try
        {
            claimed = await db.Buys
                .Where(b => b.Id == buyId && b.UserId == userId && b.Status == BuyStatus.Proposed && b.CreatedAt > freshSince)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(b => b.Status, BuyStatus.Sending)
                    .SetProperty(b => b.SentAt, now)
                    .SetProperty(b => b.NextCheckAt, now + _options.AnswerDeadline), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another confirmation of the same listing is being sent or reconciled: this one must not add a second buy.
            var blocked = await db.Buys.AsNoTracking().SingleAsync(b => b.Id == buyId, cancellationToken);
            return new BuyReport(BuyOutcome.InFlight, blocked);
        }

        var buy = await db.Buys.AsNoTracking().SingleOrDefaultAsync(b => b.Id == buyId && b.UserId == userId, cancellationToken)
            ?? throw new KeyNotFoundException($"Buy {buyId} is not the user's.");
        if (claimed == 0)
        {
            return new BuyReport(buy.Status is BuyStatus.Proposed or BuyStatus.Cancelled ? BuyOutcome.Expired : BuyOutcome.AlreadyConfirmed, buy);
        }

        return await SendClaimedAsync(buy, account, started, cancellationToken);
    }

    /// <summary>
    /// Sends a buy already claimed for sending (Sending, with its answer deadline) and records DMarket's answer; a lost
    /// answer leaves it for <see cref="BuyReconciler"/>.
    /// </summary>
    internal async Task<BuyReport> SendClaimedAsync(Buy buy, DMarketClient account, long started, CancellationToken cancellationToken)
    {
        BuyResult result;
        var sent = time.GetTimestamp();
        try
        {
            result = await account.BuyOffersAsync([new OfferToBuy(buy.OfferId, buy.PriceCents)], cancellationToken);
        }
        catch (DMarketApiException e) when (e is DMarketAuthenticationException || e.StatusCode == HttpStatusCode.Forbidden)
        {
            return await FailAsync(buy, KeysRefused, BuyOutcome.KeysRefused);
        }
        catch (DMarketApiException e) when (e.StatusCode == HttpStatusCode.TooManyRequests || (int)e.StatusCode is >= 400 and < 500)
        {
            // Refused before it took effect: nothing was bought.
            return await FailAsync(buy, e.Code ?? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), BuyOutcome.Refused);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A 5xx, a timeout, a dropped connection, a garbled body: it may have happened. Reconcile; never resend.
            logger.LogWarning(e, "Buy {BuyId} of offer {OfferId}: the answer was lost; reconciling", buy.Id, buy.OfferId);
            return await MarkUnknownAsync(buy);
        }

        var answered = time.GetTimestamp();
        var report = await RecordAsync(buy, result);
        var dmarketTime = time.GetElapsedTime(sent, answered);
        var ownTime = time.GetElapsedTime(started) - dmarketTime;
        metrics.BuyTimes(dmarketTime, ownTime);
        logger.LogInformation("Buy {BuyId}: {Outcome} with DMarket's answer in {DMarketMs:F1} ms and {OwnMs:F1} ms of our own", buy.Id, report.Outcome, dmarketTime.TotalMilliseconds, ownTime.TotalMilliseconds);
        return report;
    }

    private async Task<BuyReport> RecordAsync(Buy buy, BuyResult result)
    {
        switch (result.Status)
        {
            case "TxSuccess":
                return await SettleBoughtAsync(buy, result.OrderId, result.TxId, tellLater: false);
            case "TxPending":
                return await MarkUnknownAsync(buy, result.OrderId);
            default:
                var reason = string.IsNullOrEmpty(result.FailReasonCode) ? "TxFailed" : result.FailReasonCode;
                if (reason is OfferNotFound or OfferPriceChanged && buy.OpportunityId is { } opportunityId)
                {
                    await OpportunityRetirement.RetireAsync(db, opportunityId, reason, time.GetUtcNow(), CancellationToken.None);
                }

                return await FailAsync(buy, reason, reason switch
                {
                    OfferNotFound or OfferPriceChanged => BuyOutcome.AlreadySold,
                    NotEnoughBalance => BuyOutcome.NotEnoughBalance,
                    _ => BuyOutcome.Refused,
                });
        }
    }

    /// <summary>Bought: the buy settled, its position made (or given its cost, if a sync saw the item first), the opportunity gone.</summary>
    internal async Task<BuyReport> SettleBoughtAsync(Buy buy, string? orderId, string? txId, bool tellLater)
    {
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        var position = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var settled = await db.Buys.Where(b => b.Id == buy.Id && (b.Status == BuyStatus.Sending || b.Status == BuyStatus.Unknown))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(b => b.Status, BuyStatus.Bought)
                    .SetProperty(b => b.OrderId, b => orderId ?? b.OrderId)
                    .SetProperty(b => b.TxId, txId)
                    .SetProperty(b => b.SettledAt, now)
                    .SetProperty(b => b.NextCheckAt, (DateTimeOffset?)null), CancellationToken.None);
            if (settled == 0)
            {
                return null;
            }

            var made = buy.AssetId is { } assetId ? await positions.AddBoughtAsync(buy, assetId, now, CancellationToken.None) : null;
            if (tellLater)
            {
                db.Notifications.Add(BuyNotification(buy, now));
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
            return made;
        });

        if (buy.OpportunityId is { } opportunityId)
        {
            await OpportunityRetirement.RetireAsync(db, opportunityId, "Bought", now, CancellationToken.None);
        }

        metrics.Buy(BuyOutcome.Bought, buy.Channel);
        logger.LogInformation("Buy {BuyId}: bought offer {OfferId} ({Title}) for {PriceCents} cents, order {OrderId}", buy.Id, buy.OfferId, buy.Title, buy.PriceCents, orderId);
        return new BuyReport(BuyOutcome.Bought, await ReloadAsync(buy.Id), position);
    }

    /// <summary>Settled as not bought (refused, or reconciliation found it did not happen); told later when asked to.</summary>
    internal async Task<BuyReport> FailAsync(Buy buy, string reason, BuyOutcome outcome, bool tellLater = false)
    {
        var now = time.GetUtcNow();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var settled = await db.Buys.Where(b => b.Id == buy.Id && (b.Status == BuyStatus.Sending || b.Status == BuyStatus.Unknown))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(b => b.Status, BuyStatus.Failed)
                    .SetProperty(b => b.FailReason, reason)
                    .SetProperty(b => b.SettledAt, now)
                    .SetProperty(b => b.NextCheckAt, (DateTimeOffset?)null), CancellationToken.None);
            if (settled > 0 && tellLater)
            {
                db.Notifications.Add(BuyNotification(buy, now));
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        });
        db.ChangeTracker.Clear();

        metrics.Buy(outcome, buy.Channel);
        logger.LogInformation("Buy {BuyId} of offer {OfferId}: not bought ({Reason})", buy.Id, buy.OfferId, reason);
        return new BuyReport(outcome, await ReloadAsync(buy.Id));
    }

    private async Task<BuyReport> MarkUnknownAsync(Buy buy, string? orderId = null)
    {
        var next = time.GetUtcNow() + _options.ReconcileDelay;
        await db.Buys.Where(b => b.Id == buy.Id && b.Status == BuyStatus.Sending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(b => b.Status, BuyStatus.Unknown)
                .SetProperty(b => b.OrderId, b => orderId ?? b.OrderId)
                .SetProperty(b => b.FailReason, NotAnswered)
                .SetProperty(b => b.NextCheckAt, next), CancellationToken.None);
        metrics.Buy(BuyOutcome.Checking, buy.Channel);
        return new BuyReport(BuyOutcome.Checking, await ReloadAsync(buy.Id));
    }

    private Task<Buy> ReloadAsync(long buyId) => db.Buys.AsNoTracking().SingleAsync(b => b.Id == buyId, CancellationToken.None);

    private static Notification BuyNotification(Buy buy, DateTimeOffset now) => new()
    {
        UserId = buy.UserId,
        Kind = NotificationKind.Buy,
        BuyId = buy.Id,
        GameId = buy.GameId,
        Title = buy.Title,
        PriceCents = buy.PriceCents,
        Status = NotificationStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>The listing as DMarket shows it now, at exactly its price; null when it was sold or repriced.</summary>
    internal static async Task<MarketItem?> FindListingAsync(DMarketClient account, string gameId, string title, string offerId, long priceCents, CancellationToken cancellationToken)
    {
        var query = new MarketItemsQuery(gameId) { Title = title, PriceFromCents = priceCents, PriceToCents = priceCents };
        var page = await account.GetMarketItemsPageAsync(query, null, cancellationToken);
        return page.Items.FirstOrDefault(i => i.OfferId == offerId);
    }
}
