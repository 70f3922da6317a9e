namespace DMarketAspire.Scanner.Scanning;

/// <summary>What one look at a game's newest listings read: the listings worth pricing and every new offer id.</summary>
public sealed record FreshListings(List<Listing> Listed, List<string> NewIds, DateTimeOffset ListedAt);
