namespace DMarketAspire.DMarket.Client.Models;

/// <summary>Aggregated buy orders (targets) at one price for a title, from targets-by-title.</summary>
public sealed record BuyOrder(string Title, long PriceCents, long Amount, IReadOnlyDictionary<string, string> Attributes);
