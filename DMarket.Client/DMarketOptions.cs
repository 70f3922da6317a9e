namespace DMarketAspire.DMarket.Client;

/// <summary>Bound from the <c>DMarket</c> section: <c>DMarket:BaseUrl</c>, <c>DMarket:PublicKey</c>, <c>DMarket:SecretKey</c>.</summary>
public sealed class DMarketOptions
{
    public const string SectionName = "DMarket";

    public const string RealApiBaseUrl = "https://api.dmarket.com";

    /// <summary>The real API, or the simulator (for example <c>http://dmarket-sim</c> resolved by service discovery).</summary>
    public string BaseUrl { get; set; } = RealApiBaseUrl;

    public string? PublicKey { get; set; }

    /// <summary>Never logged and never echoed.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The meter the client's request counters are published on; a service may fold them into its own meter.</summary>
    public string MeterName { get; set; } = DMarketMetrics.DefaultMeterName;

    public override string ToString() => $"DMarket at {BaseUrl}, key {PublicKey?[..Math.Min(8, PublicKey.Length)]}…";
}
