using DMarketAspire.BotService.Telegram;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.BotService.Accounts;

/// <summary>
/// <c>/apikey</c> issues the user's key for the Api's <c>/api/me</c> endpoints (shown this once, stored as its hash; the
/// previous one stops working) and <c>/apikey revoke</c> withdraws it.
/// </summary>
public sealed class ApiKeyCommands(DMarketDbContext db, BotReplies replies, TimeProvider time)
{
    private const string Revoke = "revoke";

    public async Task ApiKeyAsync(Commands.CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var arguments = c.Command.Arguments;
        var now = time.GetUtcNow();
        if (arguments.Count == 1 && string.Equals(arguments[0], Revoke, StringComparison.OrdinalIgnoreCase))
        {
            var revoked = await RevokeAsync(c.User.Id, now, cancellationToken);
            await replies.SendAsync(c.ChatId, revoked > 0 ? t.ApiKeyRevoked : t.ApiKeyNone, null, cancellationToken);
            return;
        }

        if (arguments.Count > 0)
        {
            await replies.SendAsync(c.ChatId, t.ApiKeyUsage, null, cancellationToken);
            return;
        }

        var key = ApiKeyHasher.NewKey();
        // One transaction: the old key stops working exactly when the new one starts.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RevokeAsync(c.User.Id, now, ct);
            db.ApiKeys.Add(new ApiKey { UserId = c.User.Id, KeyHash = ApiKeyHasher.Hash(key), Prefix = ApiKeyHasher.ShownPrefix(key), CreatedAt = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        await replies.SendAsync(c.ChatId, t.Format(t.ApiKeyIssued, key), null, cancellationToken);
    }

    private Task<int> RevokeAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ApiKeys.Where(k => k.UserId == userId && k.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, now), cancellationToken);
}
