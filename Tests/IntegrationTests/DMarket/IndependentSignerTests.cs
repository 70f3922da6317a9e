using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Signing;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>
/// Requests signed by OpenSSL's Ed25519 (an implementation that shares nothing with ours) with the demo keys are
/// accepted: the simulator verifies DMarket's scheme, not our signer's quirks.
/// </summary>
public sealed class IndependentSignerTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410), so OpenSSL can load the demo key.
    private const string Pkcs8Ed25519Prefix = "302e020100300506032b657004220420";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcceptsAGetWithAnEncodedTitleSignedByOpenSsl()
    {
        var title = "AK-47 | Redline (Field-Tested)";
        var encodedPath = $"/marketplace-api/v1/targets-by-title/{DMarketGames.CounterStrike2}/{Uri.EscapeDataString(title)}";

        using var response = await SendSignedByOpenSsl(HttpMethod.Get, encodedPath, $"/marketplace-api/v1/targets-by-title/{DMarketGames.CounterStrike2}/{title}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsAPostWithABodySignedByOpenSsl()
    {
        const string body = """{"filter":{"game":"a8db","titles":["AK-47 | Redline (Field-Tested)"]},"limit":"100","cursor":""}""";

        using var response = await SendSignedByOpenSsl(HttpMethod.Post, "/marketplace-api/v1/aggregated-prices", "/marketplace-api/v1/aggregated-prices", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aggregatedPrices", await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HttpResponseMessage> SendSignedByOpenSsl(HttpMethod method, string sentPath, string signedPath, string? body)
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = $"{method.Method}{signedPath}{body}{date}";
        var signature = await OpenSslSign(Encoding.UTF8.GetBytes(message));

        var request = new HttpRequestMessage(method, sentPath);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Add(DMarketSignature.ApiKeyHeader, DMarketKeys.Demo.PublicKeyHex);
        request.Headers.Add(DMarketSignature.DateHeader, date);
        request.Headers.Add(DMarketSignature.SignatureHeader, "dmar ed25519 " + signature);
        return await simulator.Control.SendAsync(request, Ct);
    }

    private static async Task<string> OpenSslSign(byte[] message)
    {
        var folder = Directory.CreateTempSubdirectory("dmarket-openssl-").FullName;
        try
        {
            var seed = SHA256.HashData("dmarket-simulator-test-key"u8);
            var der = Path.Combine(folder, "key.der");
            var pem = Path.Combine(folder, "key.pem");
            var input = Path.Combine(folder, "message.bin");
            await File.WriteAllBytesAsync(der, Convert.FromHexString(Pkcs8Ed25519Prefix + Convert.ToHexString(seed)), Ct);
            await File.WriteAllBytesAsync(input, message, Ct);

            await Run("openssl", ["pkey", "-inform", "DER", "-in", der, "-out", pem]);
            var signature = await Run("openssl", ["pkeyutl", "-sign", "-inkey", pem, "-rawin", "-in", input]);
            return Convert.ToHexStringLower(signature);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]> Run(string fileName, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("This test needs the openssl command (Debian: apt-get install -y openssl; .ci/run installs it).", exception);
        }

        using (process)
        {
            using var output = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(output, Ct);
            var errors = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} failed: {errors}");
            return output.ToArray();
        }
    }
}
