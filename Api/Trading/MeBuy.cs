namespace DMarketAspire.Api.Trading;

/// <summary>A buy of the caller's and where it stands (Sending/Unknown: being settled, never resent). Cents.</summary>
public sealed record MeBuy(long Id, string OfferId, string GameId, string Title, long PriceCents, string Status, string? Outcome, string? FailReason, string? OrderId, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
