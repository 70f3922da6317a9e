using DMarketAspire.Trading.Selling;

namespace DMarketAspire.Api.Trading;

/// <summary>Realized profit and loss per period (today in the caller's time zone, 7d, 30d, all) and game; the running total per sale for a chart.</summary>
public sealed record MePnl(IReadOnlyList<PnlPeriod> Periods, IReadOnlyList<PnlPeriod> Games, MeTrade? Best, MeTrade? Worst, IReadOnlyList<MePnl.Point> Series)
{
    public sealed record Point(DateTimeOffset At, long RealizedCents);
}
