namespace DMarketAspire.DMarketSimulator.Market;

public sealed record ClosedTargetRecord(string AccountId, string TargetId, string OfferId, string AssetId, string Title, long PriceCents, DateTimeOffset ClosedAt, string Status);
