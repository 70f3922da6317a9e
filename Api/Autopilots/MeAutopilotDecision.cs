using DMarketAspire.Data.Domain;

namespace DMarketAspire.Api.Autopilots;

/// <summary>One decision of the caller's autopilot, with its reason: the log of why it did or did not buy.</summary>
public sealed record MeAutopilotDecision(
    long Id,
    string Mode,
    string Outcome,
    string? Reason,
    string OfferId,
    string GameId,
    string Title,
    long PriceCents,
    long ResaleCents,
    long? BuyId,
    long? PaperPositionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt)
{
    public static MeAutopilotDecision From(AutopilotDecision d) =>
        new(d.Id, MeAutopilot.Name(d.Mode), MeAutopilot.Name(d.Outcome), d.Reason, d.OfferId, d.GameId, d.Title, d.PriceCents, d.ResaleCents, d.BuyId, d.PaperPositionId, d.CreatedAt, d.DecidedAt);
}
