namespace DMarketAspire.Api.Me;

/// <summary>
/// A price alert on a title's best offer. <c>Armed</c>: the next crossing fires it (false right after it fired, until the
/// price is back on the other side). Money in cents.
/// </summary>
public sealed record MeAlert(long Id, string GameId, string Title, string Direction, long ThresholdCents, bool Armed, int Crossings, long? LastPriceCents,
    DateTimeOffset CreatedAt, DateTimeOffset? LastFiredAt);
