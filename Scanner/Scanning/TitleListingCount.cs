namespace DMarketAspire.Scanner.Scanning;

/// <summary>A watched title's listing count at the listing watch's last look, and the listings that left since its last one-by-one check.</summary>
public sealed record TitleListingCount(string Title, long Count, long Left);
