namespace DMarketAspire.Trading.Autopilots;

/// <summary>
/// An autopilot's last 24 hours, in cents: what it bought and spent, what sold and for what profit, what it still holds
/// and what that is worth at its resale estimate after the fee, the best trade, and its decisions by outcome and reason.
/// </summary>
public sealed record AutopilotDayReport(
    DateTimeOffset From,
    DateTimeOffset Until,
    bool Paper,
    int Bought,
    long SpentCents,
    int Sold,
    long RealizedCents,
    int Held,
    long UnrealizedCents,
    string? BestTitle,
    long? BestProfitCents,
    IReadOnlyList<AutopilotReasonCount> Decisions);
