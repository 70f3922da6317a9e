using System.Diagnostics.Metrics;
using DMarketAspire.Scanner.Scanning;

namespace DMarketAspire.IntegrationTests.Scanner;

/// <summary>Listens to the scanner's meter: which instruments exist, which have reported a measurement, and how many times.</summary>
public sealed class ScannerMeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly HashSet<string> _published = [];
    private readonly Dictionary<string, int> _measured = [];

    public ScannerMeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ScannerMetrics.MeterName)
            {
                lock (_published)
                {
                    _published.Add(instrument.Name);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => Measured(instrument));
        _listener.SetMeasurementEventCallback<int>((instrument, _, _, _) => Measured(instrument));
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Measured(instrument));
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

    public void Dispose() => _listener.Dispose();

    private void Measured(Instrument instrument)
    {
        lock (_measured)
        {
            _measured[instrument.Name] = _measured.GetValueOrDefault(instrument.Name) + 1;
        }
    }
}
