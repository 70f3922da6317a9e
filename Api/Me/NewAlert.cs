namespace DMarketAspire.Api.Me;

/// <summary>
/// <c>POST /api/me/alerts</c>'s body: the title exactly as DMarket names it in that game, <c>below</c> or <c>above</c>,
/// and the threshold in cents. Every field is checked, so a missing one is a 400 that names it.
/// </summary>
public sealed record NewAlert(string? GameId, string? Title, string? Direction, long? ThresholdCents);
