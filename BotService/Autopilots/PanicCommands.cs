using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Trading.Accounts;
using DMarketAspire.Trading.Autopilots;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Autopilots;

/// <summary>
/// <c>/panic</c>: stops the autopilot and cancels this app's buy orders at once, then asks whether to take this app's
/// listings down or offer what the autopilot bought at the best buy order; <c>/panic delist</c> and <c>/panic sell</c>
/// do all of it in one go. Each answer reports what was done and what could not be.
/// </summary>
public sealed class PanicCommands(PanicDesk desk, AccountStore accounts, DMarketClient dmarket, BotReplies replies)
{
    public const string Prefix = "pn";
    private const string DelistAction = "d";
    private const string SellAction = "s";

    public async Task PanicAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        PanicChoice? choice = c.Command.Arguments.Count == 0 ? PanicChoice.Stop : c.Command.Arguments[0].ToLowerInvariant() switch
        {
            "delist" => PanicChoice.Delist,
            "sell" => PanicChoice.SellAtBestBid,
            "stop" => PanicChoice.Stop,
            _ => null,
        };

        // Whatever was typed after it, the autopilot stops first.
        var report = await RunAsync(c.User.Id, choice ?? PanicChoice.Stop, cancellationToken);
        var buttons = report.Choice == PanicChoice.Stop && report.KeysConnected
            ? new InlineKeyboardMarkup([[Keyboards.Button(t.PanicButtonDelist, Prefix, DelistAction), Keyboards.Button(t.PanicButtonSell, Prefix, SellAction)]])
            : null;
        var text = Describe(report, t) + (buttons is null ? string.Empty : "\n" + t.PanicChoose);
        await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
    }

    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        PanicChoice? choice = c.Part(1) switch
        {
            DelistAction => PanicChoice.Delist,
            SellAction => PanicChoice.SellAtBestBid,
            _ => null,
        };
        if (choice is null)
        {
            return c.Texts.ButtonExpired;
        }

        var report = await RunAsync(c.User.Id, choice.Value, cancellationToken);
        await c.ShowAsync(Describe(report, c.Texts), null, cancellationToken);
        return null;
    }

    private async Task<PanicReport> RunAsync(long userId, PanicChoice choice, CancellationToken cancellationToken)
    {
        var keys = await accounts.KeysAsync(userId, cancellationToken);
        return await desk.PanicAsync(userId, choice, keys is null ? null : dmarket.ForAccount(keys), cancellationToken);
    }

    public static string Describe(PanicReport report, BotTexts t)
    {
        List<string> lines = [t.PanicStopped];
        if (!report.KeysConnected)
        {
            lines.Add(t.PanicNoKeys);
            return string.Join("\n", lines);
        }

        lines.Add(t.Format(t.PanicTargets, report.TargetsCancelled, report.TargetsNotCancelled > 0 ? t.Format(t.PanicTargetsFailed, report.TargetsNotCancelled) : string.Empty));
        if (report.Choice != PanicChoice.Stop)
        {
            lines.Add(t.Format(t.PanicDelisted, report.Delisted));
        }

        if (report.OfferedAtBid.Count > 0)
        {
            lines.Add(t.Format(t.PanicOffered, string.Join(", ", report.OfferedAtBid.Select(i => $"{Html.Escape(i.Title)} ${Money.DollarString(i.PriceCents ?? 0)}"))));
        }

        if (report.NotDone.Count > 0)
        {
            lines.Add(t.Format(t.PanicNotDone, string.Join(", ", report.NotDone.Select(i => $"{Html.Escape(i.Title)} ({(i.Reason == PanicDesk.NoBuyOrder ? t.PanicNoBuyOrder : Html.Escape(i.Reason ?? "?"))})"))));
        }

        return string.Join("\n", lines);
    }
}
