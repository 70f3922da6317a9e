using System.Diagnostics;
using System.Diagnostics.Metrics;
using DMarketAspire.DMarket.Client.RateLimiting;
using Microsoft.Extensions.Options;

namespace DMarketAspire.DMarket.Client;

/// <summary>The client's own meter: requests by group, path and status, and 429s received.</summary>
public sealed class DMarketMetrics
{
    public const string DefaultMeterName = "DMarketAspire.DMarket.Client";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly SecondCounter[] _perSecond = Enum.GetValues<DMarketRateLimitGroup>().Select(_ => new SecondCounter()).ToArray();
    private readonly TimeProvider _time;

    public DMarketMetrics(IMeterFactory meterFactory, IOptions<DMarketOptions> options, IOptions<DMarketRateLimitOptions> limits, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(options.Value.MeterName);
        meter.CreateObservableGauge("dmarket.client.rate_budget.used",
            () => Enum.GetValues<DMarketRateLimitGroup>().Select(g => new Measurement<double>(
                (double)_perSecond[(int)g].LastFullSecond(_time.GetUtcNow()) / limits.Value.PerSecond(g),
                new KeyValuePair<string, object?>("dmarket.group", g.ToString()))),
            "1", "Share of each group's per-second budget this process used in the last full second.");
        _requests = meter.CreateCounter<long>("dmarket.client.requests", "{request}", "Requests sent to DMarket, by rate-limit group, lane, path and status.");
        _rateLimited = meter.CreateCounter<long>("dmarket.client.rate_limited", "{response}", "429 responses received from DMarket.");
    }

    public void RecordResponse(DMarketRateLimitGroup group, string lane, string path, int status)
    {
        var tags = new TagList { { "dmarket.group", group.ToString() }, { "dmarket.lane", lane }, { "url.template", PathTemplate(path) }, { "http.response.status_code", status } };
        _requests.Add(1, tags);
        _perSecond[(int)group].Add(_time.GetUtcNow());
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

    /// <summary>Requests in the current and the last full second.</summary>
    private sealed class SecondCounter
    {
        private long _second;
        private int _current;
        private int _last;

        public void Add(DateTimeOffset now)
        {
            lock (this)
            {
                Roll(now.ToUnixTimeSeconds());
                _current++;
            }
        }

        public int LastFullSecond(DateTimeOffset now)
        {
            lock (this)
            {
                Roll(now.ToUnixTimeSeconds());
                return _last;
            }
        }

        private void Roll(long second)
        {
            if (second == _second)
            {
                return;
            }

            _last = second == _second + 1 ? _current : 0;
            _current = 0;
            _second = second;
        }
    }
}
