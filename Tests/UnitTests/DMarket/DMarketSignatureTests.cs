using System.Text;
using DMarketAspire.DMarket.Client.Signing;

namespace DMarketAspire.UnitTests.DMarket;

/// <summary>The test vectors of the DMarket API reference §3.2, and key handling.</summary>
public sealed class DMarketSignatureTests
{
    private const string Secret = "ed665de04b6f5289b6f75cad24bed0df52752c1e21f2e2a95deea75ec15ea65b69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f";
    private const string Public = "69ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f";
    private const string Date = "1605619994";

    [Theory]
    [InlineData("GET", "/account/v1/balance", "", "",
        "4378d55d74f69eefec2f458cb4e3eeeb1ecbbafc2a90c1b9fd47f526c1e64bacc410426fc129aa799ac207bc852f99547f93853f8e59c6420d3a706f55b61509")]
    [InlineData("GET", "/exchange/v1/market/items", "?gameId=a8db&limit=100&currency=USD&priceFrom=100&priceTo=5000", "",
        "3358da290e00544d2c57fc34562109bb19d5ccfaea4e34a7f2cd37db3938a69845e0472cf73cc140ef98a94c48a2cc2511bc538b808d1e5b52467cd4576ff604")]
    [InlineData("POST", "/marketplace-api/v1/user-targets/create", "",
        """{"GameID":"a8db","Targets":[{"Amount":"1","Price":{"Currency":"USD","Amount":10.5},"Title":"AK-47 | Redline (Field-Tested)"}]}""",
        "b5f422cfd6cd551101ea5ee1e4796c624acf4445c1699d37626f611ee75f85c9692c18652c864c4c6cfd4859cecd00303837a82e168aadad40f81028fe93ea04")]
    public void SignsTheReferenceVectors(string method, string path, string query, string body, string expected)
    {
        var keys = DMarketKeys.Parse(Public, Secret);
        var message = DMarketSignature.Message(method, path, query, Encoding.UTF8.GetBytes(body), Date);

        Assert.Equal(expected, DMarketSignature.Sign(keys, message));
        Assert.True(DMarketSignature.Verify(Public, message, expected));
        Assert.False(DMarketSignature.Verify(Public, DMarketSignature.Message(method, path, query, Encoding.UTF8.GetBytes(body), "1605619995"), expected));
    }

    [Fact]
    public void TheDemoKeysAreTheVectorsKeys()
    {
        Assert.Equal(Public, DMarketKeys.Demo.PublicKeyHex);
        Assert.Equal(Secret, DMarketKeys.Demo.SecretKeyHex());
    }

    [Fact]
    public void AcceptsA64HexSeed()
    {
        Assert.True(DMarketKeys.TryParse(Public, Secret[..64], out var keys, out _));
        Assert.Equal(Public, keys!.PublicKeyHex);
    }

    [Theory]
    [InlineData(Public, "abc", "128 hex")]
    [InlineData(Public, Secret + "00", "128 hex")]
    [InlineData("12", Secret, "public key must be 64")]
    [InlineData(Public, "ed665de04b6f5289b6f75cad24bed0df52752c1e21f2e2a95deea75ec15ea65b" + "00ba1e9ba688ff707b40b142b2833c42b3bb66c8875aaae9a22b587df0e6bd7f", "second half")]
    public void RejectsBadKeysWithoutEchoingTheSecret(string publicKey, string secret, string expected)
    {
        Assert.False(DMarketKeys.TryParse(publicKey, secret, out _, out var error));
        Assert.Contains(expected, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret[..64], error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RejectsAPublicKeyOfAnotherPair()
    {
        var other = DMarketKeys.FromSeed(new byte[32]);

        Assert.False(DMarketKeys.TryParse(other.PublicKeyHex, Secret[..64], out _, out var error));
        Assert.Contains("does not belong", error);
    }
}
