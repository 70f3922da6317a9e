using Microsoft.AspNetCore.DataProtection;

namespace DMarketAspire.Trading.Accounts;

/// <summary>
/// Encrypts users' DMarket secret keys with ASP.NET Core Data Protection (AES-256-CBC with HMAC-SHA256, keys from the
/// ring in PostgreSQL). The ciphertext names the ring key that made it, so a secret stays readable after rotations.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    // A purpose of its own: ciphertext made for anything else in the app cannot be passed off as a secret key.
    private const string Purpose = "DMarketAspire.BotService.DMarketSecretKey.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
