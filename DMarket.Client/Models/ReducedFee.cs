namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A reduced seller fee for one title, valid for prices in [MinPriceCents, MaxPriceCents] until it expires.</summary>
public sealed record ReducedFee(string Title, decimal Fraction, long MinPriceCents, long MaxPriceCents, DateTimeOffset ExpiresAt);
