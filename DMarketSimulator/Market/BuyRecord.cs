namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A purchase that took effect (offers-buy), kept so a test can count the buys an account really made.</summary>
public sealed record BuyRecord(string AccountId, string OrderId, string OfferId, string AssetId, string Title, long PriceCents, DateTimeOffset At);
