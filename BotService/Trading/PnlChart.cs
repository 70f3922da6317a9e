using DMarketAspire.DMarket.Client;
using DMarketAspire.Trading.Selling;

namespace DMarketAspire.BotService.Trading;

/// <summary>Cumulative realized profit over time as a PNG, one step per sale, in dollars.</summary>
public static class PnlChart
{
    private const int Width = 800;
    private const int Height = 450;

    public static byte[] Render(PnlReport report, string title)
    {
        var plot = new ScottPlot.Plot();
        var running = 0L;
        var points = report.Trades.Select(trade => (trade.ClosedAt, Cents: running += trade.ProfitCents ?? 0)).ToList();
        if (points.Count > 0)
        {
            // Chart coordinates are doubles by nature: money is converted only here, for drawing.
            var line = plot.Add.Scatter(points.Select(p => p.ClosedAt.UtcDateTime.ToOADate()).ToArray(), points.Select(p => (double)Money.ToDollars(p.Cents)).ToArray());
            line.LegendText = "realized profit";
            plot.ShowLegend();
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.YLabel("USD");
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }
}
