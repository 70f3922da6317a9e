namespace DMarketAspire.Pricing;

/// <summary>A price band the scanner covers, with the least profit worth telling anyone about.</summary>
public sealed record ScanLevel(string Name, long MinPriceCents, long MaxPriceCents, decimal MinProfitPercent)
{
    public bool Contains(long priceCents) => priceCents >= MinPriceCents && priceCents < MaxPriceCents;
}
