namespace DMarketAspire.Data.Domain;

/// <summary>
/// A bot user's key for the Api's <c>/api/me</c> endpoints. Only its SHA-256 is stored: the key is shown once, when the
/// bot issues it. At most one is live per user; issuing a new one or <c>/apikey revoke</c> ends the old one.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>SHA-256 of the key, 64 lowercase hex characters.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The key's first characters, to tell keys apart in a list; useless to authenticate.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
