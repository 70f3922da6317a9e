namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A completed sale from the trade aggregator; <see cref="OperationType"/> is Offer, Order or Target.</summary>
public sealed record Sale(long PriceCents, DateTimeOffset Date, string OperationType);
