namespace DMarketAspire.Api.Me;

/// <summary>A buy order the bot placed for the user. Money in cents.</summary>
public sealed record MeTarget(string TargetId, string GameId, string Title, long PriceCents, int Amount, int Filled, string Status, DateTimeOffset CreatedAt, DateTimeOffset? FilledAt);
