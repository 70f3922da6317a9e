using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.RateLimiting;

/// <summary>
/// Takes a permit from the limiter before each attempt, and reads DMarket's answer: <c>RateLimit-Remaining: 0</c>
/// pauses the group until <c>RateLimit-Reset</c>; a 429 pauses it and sends the request again after the reset.
/// </summary>
internal sealed class DMarketRateLimitHandler(
    IDMarketRateLimiter limiter,
    IOptions<DMarketRateLimitOptions> options,
    TimeProvider time,
    DMarketMetrics metrics,
    ILogger<DMarketRateLimitHandler> logger) : DelegatingHandler
{
    private const string RemainingHeader = "RateLimit-Remaining";
    private const string ResetHeader = "RateLimit-Reset";
    private static readonly TimeSpan DefaultReset = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var group = DMarketRateLimits.Classify(path);

        for (var attempt = 0; ; attempt++)
        {
            await limiter.AcquireAsync(group, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.RecordResponse(group, path, (int)response.StatusCode);

            var reset = ReadReset(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limiter.OnRateLimited(group, time.GetUtcNow() + reset);
                if (attempt < options.Value.MaxRateLimitedRetries)
                {
                    LogRateLimited(logger, group, reset.TotalMilliseconds, null);
                    response.Dispose();
                    continue;
                }
            }
            else if (ReadRemaining(response) == 0)
            {
                limiter.OnBudgetExhausted(group, time.GetUtcNow() + reset);
            }

            return response;
        }
    }

    private TimeSpan ReadReset(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(ResetHeader, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0)
        {
            var reset = TimeSpan.FromSeconds(seconds);
            return reset < options.Value.MaxRateLimitWait ? reset : options.Value.MaxRateLimitWait;
        }

        return DefaultReset;
    }

    private static int? ReadRemaining(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RemainingHeader, out var values) && int.TryParse(values.FirstOrDefault(), out var remaining)
            ? remaining
            : null;

    private static readonly Action<ILogger, DMarketRateLimitGroup, double, Exception?> LogRateLimited = LoggerMessage.Define<DMarketRateLimitGroup, double>(
        LogLevel.Warning, new EventId(2, "RateLimited"), "DMarket rate-limited the {Group} group (429); waiting {WaitMs:0} ms before sending again.");
}
