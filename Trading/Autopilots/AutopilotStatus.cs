using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Autopilots;

/// <summary>A user's autopilot as it stands: its settings, today's figures against its limits, and paper mode's P&amp;L.</summary>
public sealed record AutopilotStatus(
    Autopilot Settings,
    long SpentTodayCents,
    int OpenPositions,
    long RealizedTodayCents,
    PaperPnl Paper,
    IReadOnlyList<AutopilotReasonCount> Today);
