namespace DMarketAspire.Trading.Autopilots;

/// <summary>One item <c>/panic</c> acted on (at a price) or could not (with the reason).</summary>
public sealed record PanicItem(long PositionId, string Title, long? PriceCents, string? Reason);
