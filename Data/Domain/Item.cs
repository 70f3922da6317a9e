namespace DMarketAspire.Data.Domain;

/// <summary>A title of a game, as DMarket names it: the unit prices, sales and fees are kept for.</summary>
public sealed class Item
{
    public long Id { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
