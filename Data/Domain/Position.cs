namespace DMarketAspire.Data.Domain;

/// <summary>
/// An item the user holds on DMarket, kept in step with the account's inventory (an item gone from it is marked gone),
/// with its cost basis for profit and loss.
/// </summary>
public sealed class Position
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string AssetId { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public long? CostCents { get; set; }

    public PositionCostSource CostSource { get; set; }

    /// <summary>The buy made here that brought it, if one did.</summary>
    public long? BuyId { get; set; }

    public DateTimeOffset AcquiredAt { get; set; }

    public DateTimeOffset? TradeLockUntil { get; set; }

    /// <summary>DMarket's own estimate of its price, as the inventory gives it.</summary>
    public long? SuggestedPriceCents { get; set; }

    /// <summary>The listing of it on DMarket, while listed.</summary>
    public string? OfferId { get; set; }

    public long? ListPriceCents { get; set; }

    public DateTimeOffset? ListedAt { get; set; }

    /// <summary>Follow the best offer down by a cent, at most <see cref="MaxRepricesPerDay"/> times a UTC day, never under <see cref="FloorCents"/>.</summary>
    public bool Repricing { get; set; }

    public long? FloorCents { get; set; }

    public int MaxRepricesPerDay { get; set; }

    public int RepricesToday { get; set; }

    public DateOnly? RepriceDay { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the inventory stopped showing it (sold, withdrawn); null while held.</summary>
    public DateTimeOffset? GoneAt { get; set; }
}
