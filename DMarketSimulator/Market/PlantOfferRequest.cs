namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A listing planted by a test or a demo. A title the catalogue lacks is added at <see cref="FairPriceCents"/>.</summary>
public sealed record PlantOfferRequest(string GameId, string Title, long PriceCents, long? FairPriceCents = null);
