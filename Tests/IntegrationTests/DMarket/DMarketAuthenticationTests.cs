using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Signing;
using DMarketAspire.DMarketSimulator.Apis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DMarketAspire.IntegrationTests.DMarket;

/// <summary>Signature failures and clock skew, against the simulator's verification (class-own simulator: it moves the clock).</summary>
public sealed class DMarketAuthenticationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/v1/balance", """{"code":"Unauthorized","message":"Missing X-Api-Key, X-Sign-Date or X-Request-Sign."}""")]
    [InlineData("/marketplace-api/v1/user-targets", """{"Code":"Unauthorized","Message":"Missing X-Api-Key, X-Sign-Date or X-Request-Sign."}""")]
    public async Task AnUnsignedRequestGetsA401InItsFamilysShape(string path, string body)
    {
        using var response = await simulator.Control.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AnUnknownKeyIsReportedAsASigningProblem()
    {
        using var host = DMarketClientHost.Create(simulator.Address, DMarketKeys.FromSeed(new byte[32]));

        var error = await Assert.ThrowsAsync<DMarketAuthenticationException>(() => host.Client.GetBalanceAsync(Ct));

        Assert.Equal("InvalidAPIKey", error.Code);
        Assert.Contains("DMarket:PublicKey", error.Message);
    }

    [Fact]
    public async Task ATamperedSignatureIsRejected()
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = DMarketSignature.Sign(DMarketKeys.Demo, DMarketSignature.Message("GET", "/account/v1/balance", "", [], date));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/v1/user");
        request.Headers.Add(DMarketSignature.ApiKeyHeader, DMarketKeys.Demo.PublicKeyHex);
        request.Headers.Add(DMarketSignature.DateHeader, date);
        request.Headers.Add(DMarketSignature.SignatureHeader, DMarketSignature.Prefix + signature);

        using var response = await simulator.Control.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("InvalidSignature", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TheClientCorrectsItsClockFromDMarketsDateHeader()
    {
        await simulator.Control.PutAsJsonAsync("/_sim/clock", new SimulatorControlApi.ClockState(600, default), Ct);
        try
        {
            // A request dated by this machine's clock is ten minutes off for the simulator: 401.
            var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var stale = new HttpRequestMessage(HttpMethod.Get, "/account/v1/balance");
            stale.Headers.Add(DMarketSignature.ApiKeyHeader, DMarketKeys.Demo.PublicKeyHex);
            stale.Headers.Add(DMarketSignature.DateHeader, date);
            stale.Headers.Add(DMarketSignature.SignatureHeader, DMarketSignature.Prefix + DMarketSignature.Sign(DMarketKeys.Demo, DMarketSignature.Message("GET", "/account/v1/balance", "", [], date)));
            Assert.Equal(HttpStatusCode.Unauthorized, (await simulator.Control.SendAsync(stale, Ct)).StatusCode);

            // The client's first attempt fails the same way, learns the offset from Date and succeeds re-signed.
            using var host = DMarketClientHost.Create(simulator.Address);
            var balance = await host.Client.GetBalanceAsync(Ct);

            Assert.True(balance.UsdCents > 0);
            Assert.InRange(host.Services.GetRequiredService<DMarketClock>().Offset.TotalSeconds, 595, 605);
        }
        finally
        {
            await simulator.Control.PutAsJsonAsync("/_sim/clock", new SimulatorControlApi.ClockState(0, default), Ct);
        }
    }

    [Fact]
    public void BadKeysStopTheServiceAtStartWithoutShowingTheSecret()
    {
        var secret = DMarketKeys.Demo.SecretKeyHex();
        var damaged = secret[..64] + new string('0', 64);

        var error = Assert.Throws<OptionsValidationException>(() => DMarketClientHost.Create(simulator.Address, settings: new Dictionary<string, string?>
        {
            ["DMarket:SecretKey"] = damaged,
        }));

        Assert.Contains("second half", error.Message);
        Assert.DoesNotContain(secret[..64], error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
