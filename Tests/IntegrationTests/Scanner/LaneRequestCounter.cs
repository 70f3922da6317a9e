using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>
/// Counts one scanner's DMarket requests (the client's <c>dmarket.client.requests</c>) by rate-limit lane, for the paths
/// that contain <paramref name="pathPart"/>: which lane a kind of request spent.
/// </summary>
public sealed class LaneRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _byLane = new(StringComparer.Ordinal);

    public LaneRequestCounter(IServiceProvider services, string pathPart)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "dmarket.client.requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? lane = null, path = null;
            foreach (var tag in tags)
            {
                lane = tag.Key == "dmarket.lane" ? tag.Value as string : lane;
                path = tag.Key == "url.template" ? tag.Value as string : path;
            }

            if (lane is not null && path?.Contains(pathPart, StringComparison.Ordinal) == true)
            {
                lock (_byLane)
                {
                    _byLane[lane] = _byLane.GetValueOrDefault(lane) + value;
                }
            }
        });
        _listener.Start();
    }

    public long In(string lane)
    {
        lock (_byLane)
        {
            return _byLane.GetValueOrDefault(lane);
        }
    }

    public long OutsideOf(string lane)
    {
        lock (_byLane)
        {
            return _byLane.Where(l => l.Key != lane).Sum(l => l.Value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
