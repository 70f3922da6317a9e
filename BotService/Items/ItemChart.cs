using DMarketAspire.DMarket.Client;

namespace DMarketAspire.BotService.Items;

/// <summary>A title's last 30 days as a PNG: sales as dots, the best offer and best buy order over time as lines, in dollars.</summary>
public static class ItemChart
{
    private const int Width = 800;
    private const int Height = 450;

    public static byte[] Render(ItemReport report)
    {
        var plot = new ScottPlot.Plot();
        if (report.Sales.Count > 0)
        {
            var sales = plot.Add.ScatterPoints(report.Sales.Select(s => s.At.UtcDateTime.ToOADate()).ToArray(), report.Sales.Select(s => (double)Money.ToDollars(s.PriceCents)).ToArray());
            sales.LegendText = "sales";
        }

        AddLine(plot, report.Snapshots.Where(s => s.BestOfferCents is not null).Select(s => (s.At, s.BestOfferCents!.Value)).ToList(), "best offer");
        AddLine(plot, report.Snapshots.Where(s => s.BestBuyOrderCents is not null).Select(s => (s.At, s.BestBuyOrderCents!.Value)).ToList(), "best buy order");
        plot.Axes.DateTimeTicksBottom();
        plot.Title(report.Title);
        plot.YLabel("USD");
        plot.ShowLegend();
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }

    private static void AddLine(ScottPlot.Plot plot, List<(DateTimeOffset At, long Cents)> points, string name)
    {
        if (points.Count == 0)
        {
            return;
        }

        // Chart coordinates are doubles by nature: money is converted only here, for drawing.
        var line = plot.Add.Scatter(points.Select(p => p.At.UtcDateTime.ToOADate()).ToArray(), points.Select(p => (double)Money.ToDollars(p.Cents)).ToArray());
        line.LegendText = name;
    }
}
