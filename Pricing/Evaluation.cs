namespace DMarketAspire.Pricing;

/// <summary>The engine's answer for one offer. Money in cents; the fee in basis points (1000 = 10%).</summary>
public readonly record struct Evaluation(
    OfferVerdict Verdict,
    ScanLevel? Level,
    long ResaleCents,
    int FeeBasisPoints,
    long ProfitCents,
    decimal ProfitPercent,
    int Liquidity)
{
    public bool IsOpportunity => Verdict == OfferVerdict.Opportunity;
}
