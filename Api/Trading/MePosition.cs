namespace DMarketAspire.Api.Trading;

/// <summary>An item the caller holds on DMarket, with its cost basis and listing. Money in cents.</summary>
public sealed record MePosition(
    long Id,
    string AssetId,
    string GameId,
    string Title,
    long? CostCents,
    string CostSource,
    DateTimeOffset AcquiredAt,
    DateTimeOffset? TradeLockUntil,
    string? OfferId,
    long? ListPriceCents,
    bool Repricing,
    long? FloorCents);
