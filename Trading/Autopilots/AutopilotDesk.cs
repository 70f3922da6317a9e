using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Trading.Buying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// Acts on one Pending decision, once. Reads the listing live at its exact price (gone: failed, not bought), then in one
/// PostgreSQL transaction under a lock on the user's autopilot row checks every limit against what the database holds,
/// claims the listing (unique across users: one autopilot wins, the others are told it went) and records the buy as
/// Sending — or, in paper mode, the filled paper position. Only then does a live buy leave, through <see cref="BuyDesk"/>,
/// never twice: a lost answer is the reconciler's. A crash at any point leaves either nothing or a recorded intent.
/// </summary>
public sealed class AutopilotDesk(
    DMarketDbContext db,
    AutopilotLedger ledger,
    BuyDesk buys,
    TradingMetrics metrics,
    TimeProvider time,
    IOptions<AutopilotOptions> options,
    ILogger<AutopilotDesk> logger)
{
    private const decimal Percent = 100m;
    private const string ClaimConstraint = "IX_autopilot_decisions_one_claim";
    private readonly AutopilotOptions _options = options.Value;

    /// <summary>
    /// Decisions still to act on, newest first: when a user's autopilot wants more than their DMarket budget can buy, the
    /// listing that appeared last is the one still there to win; an older one waits, and goes stale if it waits too long.
    /// </summary>
    public Task<List<AutopilotDecision>> PendingAsync(long userId, int limit, CancellationToken cancellationToken) =>
        db.AutopilotDecisions.AsNoTracking().Where(d => d.UserId == userId && d.Outcome == AutopilotOutcome.Pending).OrderByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken);

    /// <summary>The users with decisions to act on.</summary>
    public Task<List<long>> UsersWithPendingAsync(CancellationToken cancellationToken) =>
        db.AutopilotDecisions.AsNoTracking().Where(d => d.Outcome == AutopilotOutcome.Pending).Select(d => d.UserId).Distinct().ToListAsync(cancellationToken);

    public async Task<AutopilotOutcome> ActAsync(AutopilotDecision decision, Func<long, CancellationToken, Task<DMarketClient?>> accountFor, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var autopilot = await db.Autopilots.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == decision.UserId, cancellationToken);
        if (autopilot is null || !autopilot.Enabled)
        {
            return await SettleAsync(decision, AutopilotOutcome.Skipped, AutopilotReasons.Off, autopilot?.Mode ?? decision.Mode);
        }

        if (autopilot.PausedAt is not null)
        {
            return await SettleAsync(decision, AutopilotOutcome.Skipped, AutopilotReasons.Paused, autopilot.Mode);
        }

        if (now - decision.CreatedAt > _options.DecisionLifetime)
        {
            return await SettleAsync(decision, AutopilotOutcome.Skipped, AutopilotReasons.Stale, autopilot.Mode);
        }

        if (await ledger.AverageSaleAsync(decision.GameId, decision.Title, now - _options.SanityWindow, cancellationToken) is { } average
            && decision.PriceCents > average * autopilot.SanityMultiple)
        {
            return await SettleAsync(decision, AutopilotOutcome.Skipped, AutopilotReasons.PriceSanity, autopilot.Mode);
        }

        if (await accountFor(decision.UserId, cancellationToken) is not { } account)
        {
            return await SettleAsync(decision, AutopilotOutcome.Skipped, AutopilotReasons.NoKeys, autopilot.Mode);
        }

        // A limit already reached skips the buy before it costs a DMarket request (the check that counts is the locked one).
        var zone = await db.BotUsers.AsNoTracking().Where(u => u.Id == decision.UserId).Select(u => u.TimeZone).SingleAsync(cancellationToken);
        if (await LimitAsync(autopilot, decision.PriceCents, UserClock.StartOfLocalDay(zone, now), balance: null, cancellationToken) is { } reached
            and not (AutopilotReasons.DailyLoss or AutopilotReasons.FailuresInRow))
        {
            return await SettleAsync(decision, AutopilotOutcome.Skipped, reached, autopilot.Mode);
        }

        DMarket.Client.Models.MarketItem? listing;
        long? balance = null;
        try
        {
            // Where a paper buy is decided, and what a live buy needs (the asset id reconciliation looks for).
            listing = await BuyDesk.FindListingAsync(account, decision.GameId, decision.Title, decision.OfferId, decision.PriceCents, cancellationToken);
            if (listing is not null && autopilot.Mode == AutopilotMode.Live && (autopilot.MaxBalanceSharePercent < Percent || autopilot.ReserveCents > 0))
            {
                balance = (await account.GetBalanceAsync(cancellationToken)).TradableCents;
            }
        }
        catch (DMarketApiException e) when (e is DMarketAuthenticationException || e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return await FailAndMaybePauseAsync(decision, autopilot, BuyDesk.KeysRefused, AutopilotOutcome.Pending);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Autopilot decision {DecisionId}: the market could not be read; not bought", decision.Id);
            return await SettleAsync(decision, AutopilotOutcome.Failed, AutopilotReasons.MarketUnreadable, autopilot.Mode);
        }

        if (listing is null)
        {
            if (await db.AutopilotDecisions.AnyAsync(d => d.OfferId == decision.OfferId && d.Claimed && d.UserId != decision.UserId, cancellationToken))
            {
                // Gone because another user's autopilot bought it: that is what the user is told.
                return await SettleAsync(decision, AutopilotOutcome.Lost, AutopilotReasons.TakenByAnother, autopilot.Mode, tell: true);
            }

            if (decision.OpportunityId is { } opportunityId)
            {
                await OpportunityRetirement.RetireAsync(db, opportunityId, BuyDesk.OfferNotFound, time.GetUtcNow(), cancellationToken);
            }

            return await SettleAsync(decision, AutopilotOutcome.Failed, AutopilotReasons.AlreadySold, autopilot.Mode);
        }

        var recorded = await RecordIntentAsync(decision, listing.ItemId, balance, zone, cancellationToken);
        if (recorded.Outcome != AutopilotOutcome.Sent || recorded.Buy is null)
        {
            return recorded.Outcome;
        }

        // The intent is committed: from here the buy may reach DMarket, and only this call sends it.
        metrics.AutopilotBuySent(time.GetUtcNow() - decision.CreatedAt);
        var report = await buys.SendClaimedAsync(recorded.Buy, account, started, CancellationToken.None);
        return report.Outcome switch
        {
            BuyOutcome.Bought => await SettleAsync(decision, AutopilotOutcome.Bought, null, AutopilotMode.Live, tell: true, from: AutopilotOutcome.Sent),
            BuyOutcome.Checking => await SettleAsync(decision, AutopilotOutcome.Sent, BuyDesk.NotAnswered, AutopilotMode.Live, from: AutopilotOutcome.Sent),
            BuyOutcome.AlreadySold => await SettleAsync(decision, AutopilotOutcome.Failed, AutopilotReasons.AlreadySold, AutopilotMode.Live, from: AutopilotOutcome.Sent),
            _ => await FailAndMaybePauseAsync(decision, autopilot, report.Buy.FailReason ?? report.Outcome.ToString(), AutopilotOutcome.Sent),
        };
    }

    /// <summary>
    /// Live decisions still Sent whose buy has settled, and that no desk is settling any more: those the desk gave up on
    /// (the answer was lost; the reconciler settled the buy and told the user), and those older than the answer deadline
    /// (the desk stopped between the buy and its outcome: a crash), told here unless the reconciler did. A decision the
    /// desk is still settling is left to it: taking it first would take the desk's "bought" message with it.
    /// </summary>
    public async Task<int> FollowReconciledAsync(CancellationToken cancellationToken)
    {
        var abandonedBefore = time.GetUtcNow() - buys.AnswerDeadline;
        var due = await (
            from d in db.AutopilotDecisions.AsNoTracking()
            join b in db.Buys.AsNoTracking() on d.BuyId equals (long?)b.Id
            where d.Outcome == AutopilotOutcome.Sent
                && (b.Status == BuyStatus.Bought || b.Status == BuyStatus.Failed)
                && (d.Reason == BuyDesk.NotAnswered || d.DecidedAt < abandonedBefore)
            select new { Decision = d, b.Status, b.FailReason, Told = db.Notifications.Any(n => n.BuyId == b.Id) })
            .ToListAsync(cancellationToken);
        var followed = 0;
        foreach (var row in due)
        {
            var bought = row.Status == BuyStatus.Bought;
            var reason = bought ? null : row.FailReason;
            var tell = !row.Told && (bought || AutopilotReasons.CountsAsFailure(reason));
            var outcome = await SettleAsync(row.Decision, bought ? AutopilotOutcome.Bought : AutopilotOutcome.Failed, reason, AutopilotMode.Live, tell, from: AutopilotOutcome.Sent);
            followed += outcome == AutopilotOutcome.Pending ? 0 : 1;
        }

        return followed;
    }

    /// <summary>The limits and the claim, in one transaction under the user's autopilot row lock; the intent recorded.</summary>
    private async Task<(AutopilotOutcome Outcome, Buy? Buy)> RecordIntentAsync(AutopilotDecision decision, string assetId, long? balance, string timeZone, CancellationToken cancellationToken)
    {
        Intent intent;
        try
        {
            intent = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RecordIntentOnceAsync(decision, assetId, balance, timeZone, ct), cancellationToken);
        }
        catch (Exception e) when (UniqueViolation(e) is { } constraint)
        {
            // The listing is claimed by another user's autopilot (or this user's own buy of it is in flight).
            db.ChangeTracker.Clear();
            var lost = constraint == ClaimConstraint;
            return (await SettleAsync(decision, lost ? AutopilotOutcome.Lost : AutopilotOutcome.Skipped, lost ? AutopilotReasons.TakenByAnother : AutopilotReasons.InFlight, decision.Mode, tell: lost), null);
        }

        db.ChangeTracker.Clear();
        if (intent.Skip is { } skip)
        {
            return (await SettleAsync(decision, AutopilotOutcome.Skipped, skip, intent.Mode), null);
        }

        if (intent.Outcome is { } outcome)
        {
            Record(decision, outcome, null, intent.Mode);
            return (outcome, intent.Buy);
        }

        // Another replica acted on it first.
        return (AutopilotOutcome.Skipped, null);
    }

    private async Task<Intent> RecordIntentOnceAsync(AutopilotDecision decision, string assetId, long? balance, string timeZone, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var autopilot = await db.Autopilots.FromSqlRaw("SELECT * FROM autopilots WHERE user_id = {0} FOR UPDATE", decision.UserId).AsNoTracking().SingleAsync(ct);
        var skip = await LimitAsync(autopilot, decision.PriceCents, UserClock.StartOfLocalDay(timeZone, now), balance, ct);
        if (skip is AutopilotReasons.DailyLoss or AutopilotReasons.FailuresInRow)
        {
            await PauseAsync(autopilot.UserId, skip, now, ct);
        }

        if (skip is not null)
        {
            await transaction.CommitAsync(ct);
            return new Intent(autopilot.Mode, skip, null, null);
        }

        var live = autopilot.Mode == AutopilotMode.Live;
        var outcome = live ? AutopilotOutcome.Sent : AutopilotOutcome.Bought;
        var taken = await db.AutopilotDecisions
            .Where(d => d.Id == decision.Id && d.Outcome == AutopilotOutcome.Pending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Mode, autopilot.Mode)
                .SetProperty(d => d.Claimed, live)
                .SetProperty(d => d.Outcome, outcome)
                .SetProperty(d => d.DecidedAt, now), ct);
        if (taken == 0)
        {
            await transaction.RollbackAsync(ct);
            return new Intent(autopilot.Mode, null, null, null);
        }

        Buy? buy = null;
        if (live)
        {
            buy = new Buy
            {
                UserId = decision.UserId,
                OpportunityId = decision.OpportunityId,
                OfferId = decision.OfferId,
                AssetId = assetId,
                GameId = decision.GameId,
                Title = decision.Title,
                PriceCents = decision.PriceCents,
                ResaleCents = decision.ResaleCents,
                Status = BuyStatus.Sending,
                Channel = AutopilotLedger.Channel,
                CreatedAt = now,
                SentAt = now,
                NextCheckAt = now + buys.AnswerDeadline,
            };
            db.Buys.Add(buy);
            await db.SaveChangesAsync(ct);
            await db.AutopilotDecisions.Where(d => d.Id == decision.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.BuyId, buy.Id), ct);
        }
        else
        {
            var listing = autopilot.AfterBuy == AutopilotAfterBuy.List;
            var paper = new PaperPosition
            {
                UserId = decision.UserId,
                DecisionId = decision.Id,
                OfferId = decision.OfferId,
                GameId = decision.GameId,
                Title = decision.Title,
                CostCents = decision.PriceCents,
                BoughtAt = now,
                ListPriceCents = listing ? decision.ResaleCents : null,
                ListedAt = listing ? now : null,
            };
            db.PaperPositions.Add(paper);
            db.Notifications.Add(Tell(decision, now));
            await db.SaveChangesAsync(ct);
            await db.AutopilotDecisions.Where(d => d.Id == decision.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.PaperPositionId, paper.Id), ct);
        }

        await transaction.CommitAsync(ct);
        return new Intent(autopilot.Mode, null, outcome, buy);
    }

    private static string? UniqueViolation(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } violation ? violation.ConstraintName ?? string.Empty : null;

    private sealed record Intent(AutopilotMode Mode, string? Skip, AutopilotOutcome? Outcome, Buy? Buy);

    /// <summary>The first limit the buy would cross, or null when it crosses none.</summary>
    private async Task<string?> LimitAsync(Autopilot autopilot, long priceCents, DateTimeOffset dayStart, long? balance, CancellationToken cancellationToken)
    {
        if (!autopilot.Enabled)
        {
            return AutopilotReasons.Off;
        }

        if (autopilot.PausedAt is not null)
        {
            return AutopilotReasons.Paused;
        }

        if (autopilot.Mode == AutopilotMode.Live && await ledger.FailuresInRowAsync(autopilot, autopilot.PauseAfterFailures, cancellationToken) >= autopilot.PauseAfterFailures)
        {
            return AutopilotReasons.FailuresInRow;
        }

        if (-await ledger.RealizedSinceAsync(autopilot, dayStart, cancellationToken) > autopilot.PauseAfterDailyLossCents)
        {
            return AutopilotReasons.DailyLoss;
        }

        if (await ledger.SpentSinceAsync(autopilot, dayStart, cancellationToken) + priceCents > autopilot.DailySpendCents)
        {
            return AutopilotReasons.DailySpend;
        }

        if (await ledger.OpenAsync(autopilot, cancellationToken) >= autopilot.MaxOpenPositions)
        {
            return AutopilotReasons.OpenPositions;
        }

        var available = autopilot.Mode == AutopilotMode.Paper
            ? await ledger.PaperBalanceAsync(autopilot, cancellationToken)
            : balance is { } read ? read - await ledger.InFlightCentsAsync(autopilot.UserId, cancellationToken) : (long?)null;
        if (available is not { } money)
        {
            return null;
        }

        if (priceCents > money * autopilot.MaxBalanceSharePercent / Percent)
        {
            return AutopilotReasons.BalanceShare;
        }

        return money - priceCents < autopilot.ReserveCents ? AutopilotReasons.Reserve : null;
    }

    private async Task<AutopilotOutcome> FailAndMaybePauseAsync(AutopilotDecision decision, Autopilot autopilot, string reason, AutopilotOutcome from)
    {
        var outcome = await SettleAsync(decision, AutopilotOutcome.Failed, reason, autopilot.Mode, tell: AutopilotReasons.CountsAsFailure(reason), from: from);
        if (AutopilotReasons.CountsAsFailure(reason))
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                var current = await db.Autopilots.FromSqlRaw("SELECT * FROM autopilots WHERE user_id = {0} FOR UPDATE", decision.UserId).AsNoTracking().SingleAsync(CancellationToken.None);
                if (current.PausedAt is null && await ledger.FailuresInRowAsync(current, current.PauseAfterFailures, CancellationToken.None) >= current.PauseAfterFailures)
                {
                    await PauseAsync(current.UserId, AutopilotReasons.FailuresInRow, time.GetUtcNow(), CancellationToken.None);
                }

                await transaction.CommitAsync(CancellationToken.None);
            });
        }

        return outcome;
    }

    /// <summary>Pauses the autopilot (inside the caller's transaction) and tells the user once.</summary>
    private async Task PauseAsync(long userId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var paused = await db.Autopilots.Where(a => a.UserId == userId && a.PausedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.PausedAt, now).SetProperty(a => a.PausedReason, reason).SetProperty(a => a.UpdatedAt, now), cancellationToken);
        if (paused == 0)
        {
            return;
        }

        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Kind = NotificationKind.AutopilotPaused,
            GameId = string.Empty,
            Title = reason,
            Status = NotificationStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        metrics.AutopilotPaused(reason);
        logger.LogWarning("Autopilot of user {UserId} paused itself: {Reason}", userId, reason);
    }

    /// <summary>
    /// Records a decision's outcome once, from the state the caller saw it in (Pending before anything was sent, Sent
    /// after): another replica's claim of the same decision is never overwritten. Tells the user when asked.
    /// </summary>
    private async Task<AutopilotOutcome> SettleAsync(AutopilotDecision decision, AutopilotOutcome outcome, string? reason, AutopilotMode mode, bool tell = false, AutopilotOutcome from = AutopilotOutcome.Pending)
    {
        var now = time.GetUtcNow();
        var updated = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var settled = await db.AutopilotDecisions
                .Where(d => d.Id == decision.Id && d.Outcome == from)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Outcome, outcome)
                    .SetProperty(d => d.Reason, reason)
                    .SetProperty(d => d.Mode, mode)
                    .SetProperty(d => d.DecidedAt, now), CancellationToken.None);
            if (settled > 0 && tell)
            {
                db.Notifications.Add(Tell(decision, now));
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
            return settled;
        });
        db.ChangeTracker.Clear();
        if (updated == 0)
        {
            // Another replica acted on it first: its outcome stands.
            return AutopilotOutcome.Pending;
        }

        Record(decision, outcome, reason, mode);
        return outcome;
    }

    private void Record(AutopilotDecision decision, AutopilotOutcome outcome, string? reason, AutopilotMode mode)
    {
        metrics.AutopilotDecision(outcome, reason, mode);
        logger.LogInformation("Autopilot decision {DecisionId} for user {UserId} ({Mode}): {Outcome} ({Reason}), offer {OfferId} {Title} at {PriceCents} cents", decision.Id, decision.UserId, mode, outcome, reason ?? "-", decision.OfferId, decision.Title, decision.PriceCents);
    }

    private static Notification Tell(AutopilotDecision decision, DateTimeOffset now) => new()
    {
        UserId = decision.UserId,
        Kind = NotificationKind.Autopilot,
        DecisionId = decision.Id,
        GameId = decision.GameId,
        Title = decision.Title,
        PriceCents = decision.PriceCents,
        Status = NotificationStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };
}
