namespace DMarketAspire.Data.Domain;

/// <summary>
/// A seller fee rule of a game: the default (no title) or a reduced fee for one title within a price window,
/// until it expires. Refreshed from DMarket's customized-fees.
/// </summary>
public sealed class Fee
{
    public long Id { get; set; }

    public required string GameId { get; set; }

    /// <summary>Null for the game's default fee.</summary>
    public string? Title { get; set; }

    public decimal Fraction { get; set; }

    public long MinPriceCents { get; set; }

    public long MaxPriceCents { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset FetchedAt { get; set; }
}
