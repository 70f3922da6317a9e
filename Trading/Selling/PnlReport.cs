using DMarketAspire.Data.Domain;

namespace DMarketAspire.Trading.Selling;

/// <summary>Realized profit and loss per period and per game, the best and worst trade, and every trade (for the chart).</summary>
public sealed record PnlReport(IReadOnlyList<PnlPeriod> Periods, IReadOnlyList<PnlPeriod> Games, Trade? Best, Trade? Worst, IReadOnlyList<Trade> Trades);
