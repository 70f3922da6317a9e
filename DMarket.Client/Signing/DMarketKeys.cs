using System.Security.Cryptography;
using NSec.Cryptography;

namespace DMarketAspire.DMarket.Client.Signing;

/// <summary>
/// A DMarket API key pair. The secret from DMarket's settings is 128 hex characters: the 32-byte Ed25519 seed
/// followed by the 32-byte public key (libsodium's format); a 64-hex seed alone is accepted too.
/// </summary>
public sealed class DMarketKeys
{
    private readonly byte[] _seed;

    private DMarketKeys(byte[] seed, Key privateKey)
    {
        _seed = seed;
        PrivateKey = privateKey;
        PublicKeyHex = Convert.ToHexStringLower(privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key as DMarket's <c>X-Api-Key</c> wants it: 64 lowercase hex characters.</summary>
    public string PublicKeyHex { get; }

    /// <summary>Lives as long as the keys (the app's lifetime): NSec keeps it in memory libsodium guards.</summary>
    internal Key PrivateKey { get; }

    /// <summary>Parses and cross-checks a key pair; the message never contains the secret.</summary>
    public static bool TryParse(string? publicKeyHex, string? secretKeyHex, out DMarketKeys? keys, out string? error)
    {
        keys = null;
        var secret = secretKeyHex?.Trim() ?? string.Empty;
        var configuredPublic = publicKeyHex?.Trim().ToLowerInvariant() ?? string.Empty;

        if (!IsHex(secret) || secret.Length is not (128 or 64))
        {
            error = $"The secret key must be 128 hex characters (seed and public key) or a 64-hex seed; got {secret.Length} characters{(IsHex(secret) ? string.Empty : " that are not all hex")}.";
            return false;
        }

        if (!IsHex(configuredPublic) || configuredPublic.Length != 64)
        {
            error = $"The public key must be 64 hex characters; got {configuredPublic.Length}.";
            return false;
        }

        var candidate = FromSeed(Convert.FromHexString(secret[..64]));
        var derivedPublic = candidate.PublicKeyHex;

        if (secret.Length == 128 && !string.Equals(secret[64..], derivedPublic, StringComparison.OrdinalIgnoreCase))
        {
            error = "The secret key's second half is not the public key of its seed: the secret key is damaged.";
            return false;
        }

        if (!string.Equals(configuredPublic, derivedPublic, StringComparison.Ordinal))
        {
            error = "The public key does not belong to the secret key: check that both come from the same DMarket key pair.";
            return false;
        }

        keys = candidate;
        error = null;
        return true;
    }

    public static DMarketKeys Parse(string? publicKeyHex, string? secretKeyHex) =>
        TryParse(publicKeyHex, secretKeyHex, out var keys, out var error) ? keys! : throw new FormatException(error);

    /// <summary>A key pair from a 32-byte seed (the simulator's demo account, tests).</summary>
    public static DMarketKeys FromSeed(ReadOnlySpan<byte> seed) =>
        new(seed.ToArray(), Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey));

    /// <summary>The 128-hex secret (seed ‖ public key), as DMarket shows it.</summary>
    public string SecretKeyHex() => Convert.ToHexStringLower(_seed) + PublicKeyHex;

    /// <summary>The simulator's demo key pair: seed = SHA-256("dmarket-simulator-test-key"), the test vectors' pair.</summary>
    public static DMarketKeys Demo { get; } = FromSeed(SHA256.HashData("dmarket-simulator-test-key"u8));

    private static bool IsHex(string value) => value.Length > 0 && value.All(Uri.IsHexDigit);
}
