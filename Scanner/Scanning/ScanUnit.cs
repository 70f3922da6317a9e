using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>One game at one level: the unit of work a replica leases and scans.</summary>
public sealed record ScanUnit(string GameId, ScanLevel Level)
{
    public string Key => $"{GameId}:{Level.Name}";
}
