using DMarketAspire.Data.Domain;

namespace DMarketAspire.Data.Alerts;

/// <summary>
/// What creating an alert did, with the title's best offer as the Scanner saw it last (null: not seen yet) and whether
/// that price is already past the threshold (then the alert waits for the next crossing).
/// </summary>
public sealed record PriceAlertCreation(PriceAlertOutcome Outcome, PriceAlert? Alert, long? CurrentPriceCents, bool AlreadyCrossed);
