using System.Security.Cryptography;
using System.Text;

namespace DMarketAspire.Data.Infrastructure;

/// <summary>
/// Api keys: 32 random bytes, shown once as <c>dma_</c> + base64url; stored and looked up as SHA-256. A fast hash is
/// enough for a 256-bit random secret (nothing to guess), and it lets the Api find a key by index.
/// </summary>
public static class ApiKeyHasher
{
    public const string KeyPrefix = "dma_";
    private const int KeyBytes = 32;
    private const int ShownPrefixLength = 8;

    public static string NewKey() => KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What may be shown of a key later: its first characters.</summary>
    public static string ShownPrefix(string key) => key.Length > ShownPrefixLength ? key[..ShownPrefixLength] : key;
}
