namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>
/// A listing that has left the market: when, and whether its title still has a listing at or under its price (then a
/// title's best offer cannot tell that this one left: only a search of the title's listings can).
/// </summary>
public sealed record OfferDeparture(string OfferId, string GameId, string Title, long PriceCents, DateTimeOffset LeftAt, bool CheaperStillListed);
