using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>
/// A listing planted by a test or a demo. A title the catalogue lacks is added at <see cref="FairPriceCents"/>.
/// <see cref="BypassBuyOrders"/> lists it even where a buy order would take it at once (as DMarket would), so a demo's
/// underpriced listing stays on the market for the scanner to find. <see cref="Attributes"/>, when given, are exactly
/// this copy's (a test planting a StatTrak™ Factory New at float 0.03); otherwise they are drawn as for any listing.
/// <see cref="KeepListed"/> keeps the moving market's random buyers off it, so a test that needs the listing for a
/// minute does not lose it by chance (about 1 in 300 listings is bought each second at 3,000 per game).
/// </summary>
public sealed record PlantOfferRequest(string GameId, string Title, long PriceCents, long? FairPriceCents = null, bool BypassBuyOrders = false, ItemAttributes? Attributes = null,
    bool KeepListed = false);
