using System.Globalization;
using DMarketAspire.DMarket.Client.Signing;
using DMarketAspire.DMarketSimulator.Market;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarketSimulator.Security;

/// <summary>
/// Verifies DMarket's request signature the way DMarket's server does: the account by X-Api-Key, the date within
/// the allowed skew of the simulator's clock, and Ed25519 over METHOD + decoded path + raw query + raw body + date.
/// </summary>
public sealed class SignatureVerificationMiddleware(RequestDelegate next, MarketModel market, SimulatorClock clock, IOptions<SimulatorOptions> options)
{
    public const string AccountItem = "dmarket.account";

    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiFamilies.Of(context.Request.Path) == ApiFamily.None)
        {
            await next(context);
            return;
        }

        var headers = context.Request.Headers;
        string apiKey = headers[DMarketSignature.ApiKeyHeader].ToString();
        string date = headers[DMarketSignature.DateHeader].ToString();
        string signature = headers[DMarketSignature.SignatureHeader].ToString();

        if (apiKey.Length == 0 || date.Length == 0 || signature.Length == 0)
        {
            await Reject(context, "Unauthorized", "Missing X-Api-Key, X-Sign-Date or X-Request-Sign.");
            return;
        }

        if (market.FindAccount(apiKey) is not { } account)
        {
            await Reject(context, "InvalidAPIKey", "Unknown API key.");
            return;
        }

        if (!signature.StartsWith(DMarketSignature.Prefix, StringComparison.Ordinal))
        {
            await Reject(context, "InvalidSignature", $"X-Request-Sign must start with '{DMarketSignature.Prefix}'.");
            return;
        }

        if (!long.TryParse(date, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || (clock.UtcNow - DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Duration() > options.Value.MaxSignatureSkew)
        {
            await Reject(context, "InvalidSignature", "X-Sign-Date is missing, malformed or too far from server time.");
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;

        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[queryStart..];
        var message = DMarketSignature.Message(context.Request.Method, Uri.UnescapeDataString(rawPath), rawQuery, buffer.ToArray(), date);

        if (!DMarketSignature.Verify(account.PublicKeyHex, message, signature[DMarketSignature.Prefix.Length..]))
        {
            await Reject(context, "InvalidSignature", "Signature verification failed.");
            return;
        }

        context.Items[AccountItem] = account;
        await next(context);
    }

    private static Task Reject(HttpContext context, string code, string message) =>
        DMarketErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, ApiFamilies.Of(context.Request.Path) == ApiFamily.MarketplaceV1 ? "Unauthorized" : code, message);
}
