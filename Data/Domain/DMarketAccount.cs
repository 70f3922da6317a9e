namespace DMarketAspire.Data.Domain;

/// <summary>
/// A bot user's own DMarket key pair. The secret is stored only as ASP.NET Core Data Protection ciphertext (its key ring
/// in the same database, rotated on a schedule); the public key is shown masked, the secret never.
/// </summary>
public sealed class DMarketAccount
{
    public long UserId { get; set; }

    /// <summary>64 lowercase hex characters, DMarket's X-Api-Key.</summary>
    public required string PublicKey { get; set; }

    /// <summary>The 128-hex secret, protected: unreadable without the key ring.</summary>
    public required string ProtectedSecretKey { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }

    /// <summary>When DMarket last accepted the keys (the balance call that checked them, or a later one).</summary>
    public DateTimeOffset CheckedAt { get; set; }
}
