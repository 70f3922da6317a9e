using System.Text;
using NSec.Cryptography;

namespace DMarketAspire.DMarket.Client.Signing;

/// <summary>
/// DMarket's request signature: Ed25519 over METHOD + decoded path + raw query (with its "?") + raw body +
/// X-Sign-Date, no separators, hex-encoded after the "dmar ed25519 " prefix.
/// </summary>
public static class DMarketSignature
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string DateHeader = "X-Sign-Date";
    public const string SignatureHeader = "X-Request-Sign";
    public const string Prefix = "dmar ed25519 ";

    /// <summary>The exact bytes that are signed.</summary>
    public static byte[] Message(string method, string decodedPath, string rawQuery, ReadOnlySpan<byte> body, string signDate)
    {
        var head = Encoding.UTF8.GetBytes(method.ToUpperInvariant() + decodedPath + rawQuery);
        var tail = Encoding.UTF8.GetBytes(signDate);
        var message = new byte[head.Length + body.Length + tail.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        tail.CopyTo(message, head.Length + body.Length);
        return message;
    }

    /// <summary>The 128-hex Ed25519 signature of <paramref name="message"/>.</summary>
    public static string Sign(DMarketKeys keys, byte[] message) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(keys.PrivateKey, message));

    public static bool Verify(string publicKeyHex, byte[] message, string signatureHex)
    {
        if (publicKeyHex.Length != 64 || signatureHex.Length != 128 || !publicKeyHex.All(Uri.IsHexDigit) || !signatureHex.All(Uri.IsHexDigit))
        {
            return false;
        }

        var algorithm = SignatureAlgorithm.Ed25519;
        return PublicKey.TryImport(algorithm, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey, out var publicKey)
            && algorithm.Verify(publicKey!, message, Convert.FromHexString(signatureHex));
    }
}
