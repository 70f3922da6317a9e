using System.Diagnostics;
using System.Diagnostics.Metrics;
using DMarketAspire.DMarket.RateLimiting;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket;

/// <summary>The client's own meter: requests by group, path and status, and 429s received.</summary>
public sealed class DMarketMetrics
{
    public const string DefaultMeterName = "DMarketAspire.DMarket";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;

    public DMarketMetrics(IMeterFactory meterFactory, IOptions<DMarketOptions> options)
    {
        var meter = meterFactory.Create(options.Value.MeterName);
        _requests = meter.CreateCounter<long>("dmarket.client.requests", "{request}", "Requests sent to DMarket, by rate-limit group, path and status.");
        _rateLimited = meter.CreateCounter<long>("dmarket.client.rate_limited", "{response}", "429 responses received from DMarket.");
    }

    public void RecordResponse(DMarketRateLimitGroup group, string path, int status)
    {
        var tags = new TagList { { "dmarket.group", group.ToString() }, { "url.template", PathTemplate(path) }, { "http.response.status_code", status } };
        _requests.Add(1, tags);
        if (status == 429)
        {
            _rateLimited.Add(1, new KeyValuePair<string, object?>("dmarket.group", group.ToString()));
        }
    }

    // Titles inside paths (targets-by-title) would make every title its own time series.
    private static string PathTemplate(string path) =>
        path.StartsWith("/marketplace-api/v1/targets-by-title/", StringComparison.OrdinalIgnoreCase)
            ? "/marketplace-api/v1/targets-by-title/{game}/{title}"
            : path;
}
