namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A completed sale; <see cref="OperationType"/> is Offer (a listing bought) or Target (a buy order filled).</summary>
public sealed record SaleRecord(string GameId, string Title, long PriceCents, DateTimeOffset Date, string OperationType);
