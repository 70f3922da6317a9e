using DMarketAspire.DMarket.Client.Models;
using DMarketAspire.Pricing;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>An offer seen by a scan, with the engine's verdict; null when its title could not be priced this scan.</summary>
public sealed record PricedOffer(string OfferId, string Title, long ItemId, long PriceCents, long? BestBuyOrderCents, Evaluation? Evaluation, ItemAttributes Attributes);
