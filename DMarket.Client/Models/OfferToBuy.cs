namespace DMarketAspire.DMarket.Client.Models;

/// <summary>An offer to buy at the price seen; DMarket refuses (TxFailed) if the price changed meanwhile.</summary>
public sealed record OfferToBuy(string OfferId, long PriceCents, string Type = "dmarket");
