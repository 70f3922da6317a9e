using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.Client.Signing;

/// <summary>
/// Signs every attempt (a retry gets a fresh X-Sign-Date) from the request exactly as it will be sent, learns
/// DMarket's clock from each response, and re-signs once when a 401 came with a clock correction.
/// </summary>
internal sealed class DMarketSigningHandler(IOptions<DMarketOptions> options, DMarketClock clock, ILogger<DMarketSigningHandler> logger)
    : DelegatingHandler
{
    // The service's own keys, parsed when first needed: a service that only acts for its users' accounts has none.
    private readonly Lazy<DMarketKeys> _serviceKeys = new(() => DMarketKeys.Parse(options.Value.PublicKey, options.Value.SecretKey));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await SignAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        var corrected = response.Headers.Date is { } serverDate && clock.Observe(serverDate);
        if (corrected)
        {
            LogClockCorrected(logger, clock.Offset.TotalSeconds, null);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized && corrected && !request.Options.TryGetValue(DMarketHttpOptions.ResignedAfterSkew, out _))
        {
            request.Options.Set(DMarketHttpOptions.ResignedAfterSkew, true);
            response.Dispose();
            await SignAsync(request, cancellationToken).ConfigureAwait(false);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A DMarket request needs a URI.");
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var date = clock.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // DMarket rebuilds the message from the percent-decoded path and the query exactly as sent.
        var message = DMarketSignature.Message(request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath), uri.Query, body, date);

        var keys = request.Options.TryGetValue(DMarketHttpOptions.AccountKeys, out var account) ? account : _serviceKeys.Value;
        var headers = request.Headers;
        headers.Remove(DMarketSignature.ApiKeyHeader);
        headers.Remove(DMarketSignature.DateHeader);
        headers.Remove(DMarketSignature.SignatureHeader);
        headers.TryAddWithoutValidation(DMarketSignature.ApiKeyHeader, keys.PublicKeyHex);
        headers.TryAddWithoutValidation(DMarketSignature.DateHeader, date);
        headers.TryAddWithoutValidation(DMarketSignature.SignatureHeader, DMarketSignature.Prefix + DMarketSignature.Sign(keys, message));
    }

    // LoggerMessage.Define rather than [LoggerMessage]: coverlet cannot instrument an assembly using the attribute here.
    private static readonly Action<ILogger, double, Exception?> LogClockCorrected = LoggerMessage.Define<double>(
        LogLevel.Warning, new EventId(1, "ClockCorrected"), "Corrected the clock used to sign DMarket requests: DMarket is {OffsetSeconds:0} s from this machine.");
}
