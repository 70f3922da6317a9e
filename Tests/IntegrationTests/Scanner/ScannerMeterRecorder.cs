using System.Diagnostics.Metrics;
using DMarketAspire.Scanner.Scanning;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>
/// Listens to the scanner's meter: which instruments exist, which have reported a measurement, how many times and their
/// sum. Given a host's meter factory, only that host's (the tests' other hosts publish under the same name).
/// </summary>
public sealed class ScannerMeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly HashSet<string> _published = [];
    private readonly Dictionary<string, int> _measured = [];
    private readonly Dictionary<string, double> _sums = [];

    public ScannerMeterRecorder(IMeterFactory? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ScannerMetrics.MeterName && (scope is null || instrument.Meter.Scope == scope))
            {
                lock (_published)
                {
                    _published.Add(instrument.Name);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Measured(instrument, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Measured(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Measured(instrument, value));
        _listener.Start();
    }

    public HashSet<string> Published()
    {
        lock (_published)
        {
            return _published.ToHashSet();
        }
    }

    public HashSet<string> Measured()
    {
        _listener.RecordObservableInstruments();
        lock (_measured)
        {
            return _measured.Keys.ToHashSet();
        }
    }

    /// <summary>How many measurements the instrument has reported (a counter's adds, a histogram's records).</summary>
    public int Count(string instrument)
    {
        lock (_measured)
        {
            return _measured.GetValueOrDefault(instrument);
        }
    }

    /// <summary>What the instrument's measurements add up to (a counter's total).</summary>
    public double Sum(string instrument)
    {
        lock (_measured)
        {
            return _sums.GetValueOrDefault(instrument);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Measured(Instrument instrument, double value)
    {
        lock (_measured)
        {
            _measured[instrument.Name] = _measured.GetValueOrDefault(instrument.Name) + 1;
            _sums[instrument.Name] = _sums.GetValueOrDefault(instrument.Name) + value;
        }
    }
}
