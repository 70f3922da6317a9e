namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>An account's listing that sold: the price, and the fee DMarket kept (price − what the seller was credited).</summary>
public sealed record ClosedOfferRecord(
    string AccountId,
    string OfferId,
    string AssetId,
    string GameId,
    string Title,
    long PriceCents,
    long FeeCents,
    decimal FeeFraction,
    string? TargetId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ClosedAt);
