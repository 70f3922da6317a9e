namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>What the model knows about an offer: its title's fair price, the fee that applies, and the profit of reselling at fair.</summary>
public sealed record GroundTruthOffer(
    string OfferId,
    string GameId,
    string Title,
    long PriceCents,
    long FairPriceCents,
    decimal FeeFraction,
    long ProfitCents,
    decimal ProfitPercent);
