using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Trading;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Trading.Autopilots;

namespace DMarketAspire.BotService.Autopilots;

/// <summary>The daily report as a photo: a chart of the day's decisions by outcome and reason, and the figures as its caption.</summary>
public static class AutopilotReportCard
{
    private const int Width = 800;
    private const int Height = 450;

    public static string Caption(AutopilotDayReport r, BotTexts t)
    {
        List<string> lines =
        [
            t.Format(t.AutopilotReportTitle, r.Paper ? t.AutopilotReportPaper : t.AutopilotReportLive),
            t.Format(t.AutopilotReportLine, r.Bought, Money.DollarString(r.SpentCents), r.Sold, PnlCommands.Signed(r.RealizedCents), r.Held, PnlCommands.Signed(r.UnrealizedCents)),
        ];
        if (r.BestTitle is { } best && r.BestProfitCents is { } profit)
        {
            lines.Add(t.Format(t.AutopilotReportBest, Html.Escape(best), PnlCommands.Signed(profit)));
        }

        lines.Add(r.Decisions.Count == 0 ? t.AutopilotReportNoDecisions : t.Format(t.AutopilotReportDecisions, string.Join(" · ", r.Decisions.Select(d => $"{Label(d)} {d.Count}"))));
        return string.Join("\n", lines);
    }

    public static byte[] Chart(AutopilotDayReport r, string title)
    {
        var plot = new ScottPlot.Plot();
        if (r.Decisions.Count > 0)
        {
            var bars = plot.Add.Bars(r.Decisions.Select(d => (double)d.Count).ToArray());
            bars.LegendText = "decisions";
            var positions = Enumerable.Range(0, r.Decisions.Count).Select(i => (double)i).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, r.Decisions.Select(Label).ToArray());
            plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
            plot.Axes.Margins(bottom: 0);
        }

        plot.Title(title);
        plot.YLabel("decisions");
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }

    private static string Label(AutopilotReasonCount d) => d.Outcome.ToString().ToLowerInvariant() + (d.Reason is null ? string.Empty : ": " + d.Reason);
}
