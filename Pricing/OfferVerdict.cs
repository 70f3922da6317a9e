namespace DMarketAspire.Pricing;

public enum OfferVerdict
{
    /// <summary>Worth buying: profitable enough for its level, liquid enough, sane.</summary>
    Opportunity,
    OutsideLevels,
    Blacklisted,
    NoPriceData,
    FailsSanityCheck,
    NotProfitable,
    BelowMinProfit,
    Illiquid,
}
