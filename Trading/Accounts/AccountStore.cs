using DMarketAspire.DMarket.Client.Signing;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Trading.Accounts;

/// <summary>Users' DMarket key pairs: saved protected, read back as keys only to sign that user's requests.</summary>
public sealed class AccountStore(DMarketDbContext db, SecretProtector protector, TimeProvider time)
{
    public Task<DMarketAccount?> FindAsync(long userId, CancellationToken cancellationToken) =>
        db.DMarketAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);

    /// <summary>The user's keys, or null when none are connected.</summary>
    public async Task<DMarketKeys?> KeysAsync(long userId, CancellationToken cancellationToken) =>
        await FindAsync(userId, cancellationToken) is { } account
            ? DMarketKeys.Parse(account.PublicKey, protector.Unprotect(account.ProtectedSecretKey))
            : null;

    public async Task SaveAsync(long userId, DMarketKeys keys, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = await db.DMarketAccounts.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (account is null)
        {
            account = new DMarketAccount { UserId = userId, PublicKey = keys.PublicKeyHex, ProtectedSecretKey = string.Empty, ConnectedAt = now };
            db.DMarketAccounts.Add(account);
        }

        account.PublicKey = keys.PublicKeyHex;
        account.ProtectedSecretKey = protector.Protect(keys.SecretKeyHex());
        account.ConnectedAt = now;
        account.CheckedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(long userId, CancellationToken cancellationToken) =>
        await db.DMarketAccounts.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>"69ba1e…bd7f": enough to tell pairs apart, nothing to use.</summary>
    public static string Mask(string publicKey) => publicKey.Length > 10 ? $"{publicKey[..6]}…{publicKey[^4..]}" : "…";
}
