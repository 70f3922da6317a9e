namespace DMarketAspire.Trading.Selling;

/// <summary>Realized figures over a period or a game: trades, volume, fees and profit (trades of unknown cost count as 0 and are counted apart).</summary>
public sealed record PnlPeriod(string Name, int Trades, long VolumeCents, long FeesCents, long RealizedCents, int UnknownCost);
