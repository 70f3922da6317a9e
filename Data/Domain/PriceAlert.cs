namespace DMarketAspire.Data.Domain;

/// <summary>
/// A user's price alert on a title's best offer. It fires once per crossing: firing disarms it, and only a price back on
/// the other side of the threshold arms it again.
/// </summary>
public sealed class PriceAlert
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public long ItemId { get; set; }

    public required string GameId { get; set; }

    public required string Title { get; set; }

    public PriceAlertDirection Direction { get; set; }

    public long ThresholdCents { get; set; }

    /// <summary>True while the price is on the quiet side: the next crossing fires.</summary>
    public bool Armed { get; set; }

    /// <summary>How many times it fired; the n-th firing's notification is unique per (alert, n).</summary>
    public int Crossings { get; set; }

    /// <summary>The best offer it last judged, and when the Scanner saw it: a price is judged once.</summary>
    public long? LastPriceCents { get; set; }

    public DateTimeOffset? ObservedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastFiredAt { get; set; }

    /// <summary>Whether <paramref name="priceCents"/> is on the side this alert tells about.</summary>
    public bool IsCrossedBy(long priceCents) =>
        Direction == PriceAlertDirection.Below ? priceCents <= ThresholdCents : priceCents >= ThresholdCents;
}
