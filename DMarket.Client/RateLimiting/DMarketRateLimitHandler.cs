using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.Client.RateLimiting;

/// <summary>
/// Takes a permit from the limiter before each attempt and completes it when the answer is in, then reads DMarket's
/// headers: a smaller advertised limit moves the path to its real group; <c>RateLimit-Remaining: 0</c> pauses the
/// group until <c>RateLimit-Reset</c> when our own sends do not explain it; a 429 pauses the group and the request is
/// sent again after the reset.
/// </summary>
internal sealed class DMarketRateLimitHandler(
    IDMarketRateLimiter serviceLimiter,
    DMarketAccountLimiters accountLimiters,
    DMarketRateGroups groups,
    IOptions<DMarketRateLimitOptions> options,
    TimeProvider time,
    DMarketMetrics metrics,
    ILogger<DMarketRateLimitHandler> logger) : DelegatingHandler
{
    private const string RemainingHeader = "RateLimit-Remaining";
    private const string ResetHeader = "RateLimit-Reset";
    private static readonly string[] LimitHeaders = ["X-RateLimit-Limit-Second", "RateLimit-Limit"];
    private static readonly TimeSpan DefaultReset = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var lane = DMarketRateLane.Current;
        var limiter = request.Options.TryGetValue(DMarketHttpOptions.AccountKeys, out var account) ? accountLimiters.For(account.PublicKeyHex) : serviceLimiter;

        for (var attempt = 0; ; attempt++)
        {
            var group = groups.Classify(path);
            HttpResponseMessage response;
            // A permit the flow took before choosing this request is spent once, and only on the service's own budget.
            var held = attempt == 0 && ReferenceEquals(limiter, serviceLimiter) ? DMarketHeldPermit.Take(group) : null;
            using (held ?? await limiter.AcquireAsync(group, lane, cancellationToken).ConfigureAwait(false))
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            metrics.RecordResponse(group, options.Value.LaneOf(group, lane), path, (int)response.StatusCode);
            if (ReadLimit(response) is { } advertised)
            {
                groups.Observe(path, group, advertised);
            }

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
            else if (ReadInt(response, RemainingHeader) == 0)
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

    private static int? ReadLimit(HttpResponseMessage response)
    {
        foreach (var header in LimitHeaders)
        {
            if (ReadInt(response, header) is { } limit)
            {
                return limit;
            }
        }

        return null;
    }

    /// <summary>The header's leading integer: "10", and the draft standard's "10, 10;w=1", both read 10.</summary>
    private static int? ReadInt(HttpResponseMessage response, string header)
    {
        if (!response.Headers.TryGetValues(header, out var values) || values.FirstOrDefault() is not { } value)
        {
            return null;
        }

        var end = 0;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return int.TryParse(value.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static readonly Action<ILogger, DMarketRateLimitGroup, double, Exception?> LogRateLimited = LoggerMessage.Define<DMarketRateLimitGroup, double>(
        LogLevel.Warning, new EventId(2, "RateLimited"), "DMarket rate-limited the {Group} group (429); waiting {WaitMs:0} ms before sending again.");
}
