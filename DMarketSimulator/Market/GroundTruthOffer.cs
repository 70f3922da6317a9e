namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>
/// What the model knows about an offer: its title's fair price, the fee that applies, the profit of reselling at fair,
/// and when it was listed (a benchmark tells a listing no sweep could have reached yet from one the app missed).
/// </summary>
public sealed record GroundTruthOffer(
    string OfferId,
    string GameId,
    string Title,
    long PriceCents,
    long FairPriceCents,
    decimal FeeFraction,
    long ProfitCents,
    decimal ProfitPercent,
    DateTimeOffset ListedAt);
