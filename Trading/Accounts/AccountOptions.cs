using System.ComponentModel.DataAnnotations;

namespace DMarketAspire.Trading.Accounts;

/// <summary>Bound from the <c>Accounts</c> section: how users' DMarket secrets are protected.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Data Protection's application name: every replica must share it to read each other's ciphertext.</summary>
    [Required]
    public string ApplicationName { get; set; } = "DMarketAspire";

    /// <summary>A key of the ring protects new secrets this long, then a new one takes over; old keys still decrypt.</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// A PKCS#12 file whose certificate encrypts the key ring itself, so a copy of the database alone cannot decrypt the
    /// secrets. Unset (development, the simulators): the ring is stored as Data Protection writes it, and it says so in
    /// a warning at start.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>How often the leader asks DMarket which of the bot's buy orders were filled, to tell their users.</summary>
    public TimeSpan TargetPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The PKCS#12 file's password (a secret: user secrets or the environment, never appsettings).</summary>
    public string? KeyRingCertificatePassword { get; set; }
}
