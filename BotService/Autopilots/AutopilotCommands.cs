using System.Globalization;
using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Commands;
using DMarketAspire.BotService.Localization;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.Pricing;
using DMarketAspire.Trading.Accounts;
using DMarketAspire.Trading.Autopilots;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.ReplyMarkups;

namespace DMarketAspire.BotService.Autopilots;

/// <summary>
/// <c>/autopilot</c>: its status (rules, today's figures against the limits, paper P&amp;L, today's decisions by reason)
/// with buttons to switch it on or off and between paper and live (live after one confirmation, and only with keys);
/// <c>/autopilot set &lt;key&gt; &lt;value&gt;</c> changes a rule or limit; <c>/autopilot log</c> lists decisions and why.
/// </summary>
public sealed class AutopilotCommands(AutopilotStore store, AccountStore accounts, DMarketDbContext db, BotReplies replies, IOptions<PricingOptions> pricing)
{
    public const string Prefix = "ap";
    private const string OnAction = "on";
    private const string OffAction = "off";
    private const string PaperAction = "p";
    private const string AskLiveAction = "l";
    private const string ConfirmLiveAction = "L";
    private const string LogAction = "log";
    private const int LogSize = 15;

    public async Task AutopilotAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var args = c.Command.Arguments;
        var verb = args.Count > 0 ? args[0].ToLowerInvariant() : string.Empty;
        switch (verb)
        {
            case "":
                await ShowAsync(c.User, t, html => replies.SendAsync(c.ChatId, html.Text, html.Buttons, cancellationToken), cancellationToken);
                return;
            case "on" or "off" or "resume":
                await store.SwitchAsync(c.User.Id, verb != "off", cancellationToken);
                await ShowAsync(c.User, t, html => replies.SendAsync(c.ChatId, html.Text, html.Buttons, cancellationToken), cancellationToken);
                return;
            case "paper":
                await store.SetModeAsync(c.User.Id, AutopilotMode.Paper, cancellationToken);
                await ShowAsync(c.User, t, html => replies.SendAsync(c.ChatId, html.Text, html.Buttons, cancellationToken), cancellationToken);
                return;
            case "live":
                var (text, buttons) = await AskLiveAsync(c.User, t, cancellationToken);
                await replies.SendAsync(c.ChatId, text, buttons, cancellationToken);
                return;
            case "log":
                await replies.SendAsync(c.ChatId, await LogAsync(c.User.Id, t, cancellationToken), null, cancellationToken);
                return;
            case "set":
                await replies.SendAsync(c.ChatId, await SetAsync(c.User, t, args.Skip(1).ToList(), cancellationToken), null, cancellationToken);
                return;
            default:
                await replies.SendAsync(c.ChatId, t.AutopilotUsage, null, cancellationToken);
                return;
        }
    }

    public async Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        switch (c.Part(1))
        {
            case OnAction or OffAction:
                await store.SwitchAsync(c.User.Id, c.Part(1) == OnAction, cancellationToken);
                break;
            case PaperAction:
                await store.SetModeAsync(c.User.Id, AutopilotMode.Paper, cancellationToken);
                break;
            case AskLiveAction:
                var (text, buttons) = await AskLiveAsync(c.User, t, cancellationToken);
                await c.ShowAsync(text, buttons, cancellationToken);
                return null;
            case ConfirmLiveAction:
                if (await accounts.FindAsync(c.User.Id, cancellationToken) is null)
                {
                    await c.ShowAsync(t.AutopilotLiveNeedsKeys, null, cancellationToken);
                    return null;
                }

                await store.SetModeAsync(c.User.Id, AutopilotMode.Live, cancellationToken);
                break;
            case LogAction:
                await c.Replies.SendAsync(c.ChatId, await LogAsync(c.User.Id, t, cancellationToken), null, cancellationToken);
                return null;
            case "":
                break;
            default:
                return t.ButtonExpired;
        }

        await ShowAsync(c.User, t, html => c.ShowAsync(html.Text, html.Buttons, cancellationToken), cancellationToken);
        return null;
    }

    private async Task<(string Text, InlineKeyboardMarkup? Buttons)> AskLiveAsync(BotUser user, BotTexts t, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(user.Id, cancellationToken) is null)
        {
            return (t.AutopilotLiveNeedsKeys, null);
        }

        var autopilot = await store.GetAsync(user.Id, cancellationToken);
        var paper = await store.PaperAsync(autopilot, cancellationToken);
        var text = t.Format(t.AutopilotLiveConfirm, Money.DollarString(autopilot.DailySpendCents), autopilot.MaxOpenPositions, Money.DollarString(paper.RealizedCents), paper.Sold);
        return (text, new InlineKeyboardMarkup([[Keyboards.Button(t.AutopilotButtonConfirmLive, Prefix, ConfirmLiveAction), Keyboards.Button(t.AutopilotButtonPaper, Prefix, PaperAction)]]));
    }

    private async Task<string> SetAsync(BotUser user, BotTexts t, List<string> words, CancellationToken cancellationToken)
    {
        var keys = string.Join(", ", AutopilotSettingInput.Keys);
        if (words.Count < 2)
        {
            return t.Format(t.AutopilotSetUsage, keys);
        }

        var key = words[0].ToLowerInvariant();
        if (!AutopilotSettingInput.Keys.Contains(key))
        {
            return t.Format(t.AutopilotSetUsage, keys);
        }

        if (AutopilotSettingInput.Parse(key, words.Skip(1).ToList()) is not { } change)
        {
            return t.Format(t.AutopilotSetProblem, Html.Escape(key), Html.Escape(t.Format(t.AutopilotSetUsage, keys)));
        }

        var problems = AutopilotSettingsRules.Validate(change, [.. pricing.Value.EffectiveLevels.Select(l => l.Name)]);
        if (problems.Count > 0)
        {
            return t.Format(t.AutopilotSetProblem, Html.Escape(key), Html.Escape(string.Join(" ", problems.Values.SelectMany(v => v))));
        }

        await store.ChangeAsync(user.Id, change, cancellationToken);
        return await StatusTextAsync(user, t, cancellationToken);
    }

    private async Task ShowAsync(BotUser user, BotTexts t, Func<(string Text, InlineKeyboardMarkup Buttons), Task> show, CancellationToken cancellationToken)
    {
        var autopilot = await store.GetAsync(user.Id, cancellationToken);
        var onOff = autopilot.Enabled && autopilot.PausedAt is null
            ? Keyboards.Button(t.AutopilotButtonOff, Prefix, OffAction)
            : Keyboards.Button(autopilot.PausedAt is null ? t.AutopilotButtonOn : t.AutopilotButtonResume, Prefix, OnAction);
        var mode = autopilot.Mode == AutopilotMode.Paper
            ? Keyboards.Button(t.AutopilotButtonLive, Prefix, AskLiveAction)
            : Keyboards.Button(t.AutopilotButtonPaper, Prefix, PaperAction);
        var buttons = new InlineKeyboardMarkup([[onOff, mode, Keyboards.Button(t.AutopilotButtonLog, Prefix, LogAction)]]);
        await show((await StatusTextAsync(user, t, cancellationToken), buttons));
    }

    private async Task<string> StatusTextAsync(BotUser user, BotTexts t, CancellationToken cancellationToken)
    {
        var status = await store.StatusAsync(user.Id, user.TimeZone, cancellationToken);
        var a = status.Settings;
        var mode = a.Mode == AutopilotMode.Paper ? t.AutopilotModePaper : t.AutopilotModeLive;
        var head = a.PausedAt is not null ? t.Format(t.AutopilotPausedLine, AutopilotCard.Reason(a.PausedReason ?? "?", t), mode)
            : a.Enabled ? t.Format(t.AutopilotOn, mode)
            : t.Format(t.AutopilotOff, mode);
        var games = a.Games.Length == 0 ? t.AutopilotAllGames : string.Join(", ", a.Games.Select(DMarketGames.Name));
        var levels = a.Levels.Length == 0 ? t.AutopilotAllLevels : string.Join(", ", a.Levels);
        var skip = a.SkipWords.Length == 0 ? string.Empty : t.Format(t.AutopilotSkipping, Html.Escape(string.Join(", ", a.SkipWords)));
        var rules = t.Format(t.AutopilotRules, games, levels, Number(a.MinProfitPercent), Money.DollarString(a.MinProfitCents), a.MinLiquidity, Money.DollarString(a.MaxPriceCents), skip);
        var limits = t.Format(
            t.AutopilotLimits, Money.DollarString(status.SpentTodayCents), Money.DollarString(a.DailySpendCents), status.OpenPositions, a.MaxOpenPositions,
            Number(a.MaxBalanceSharePercent), Money.DollarString(a.ReserveCents), a.PauseAfterFailures, Money.DollarString(a.PauseAfterDailyLossCents), Number(a.SanityMultiple));
        var after = a.AfterBuy == AutopilotAfterBuy.List ? t.AutopilotAfterList : t.AutopilotAfterHold;
        var paper = t.Format(t.AutopilotPaperLine, status.Paper.Bought, status.Paper.Sold, status.Paper.Held, Money.DollarString(status.Paper.RealizedCents), Money.DollarString(status.Paper.BalanceCents));
        var today = status.Today.Count == 0 ? t.AutopilotNothingToday
            : string.Join(" · ", status.Today.Select(r => $"{Word(r.Outcome)}{(r.Reason is null ? string.Empty : ": " + Html.Escape(r.Reason))} {r.Count}"));
        var report = a.ReportHour is { } hour ? t.Format(t.AutopilotReportAt, hour.ToString("00", CultureInfo.InvariantCulture)) : t.AutopilotReportOff;
        var lines = new List<string> { head, rules, limits, after, report, paper, t.Format(t.AutopilotTodayLine, today), t.Format(t.AutopilotChangeHint, string.Join(", ", AutopilotSettingInput.Keys)) };
        if (await accounts.FindAsync(user.Id, cancellationToken) is null)
        {
            lines.Insert(1, t.AutopilotNeedsKeys);
        }

        return string.Join("\n", lines);
    }

    private async Task<string> LogAsync(long userId, BotTexts t, CancellationToken cancellationToken)
    {
        var decisions = await db.AutopilotDecisions.AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.Id).Take(LogSize).ToListAsync(cancellationToken);
        if (decisions.Count == 0)
        {
            return t.AutopilotLogEmpty;
        }

        var lines = decisions.Select(d => string.Create(
            CultureInfo.InvariantCulture,
            $"{d.CreatedAt:HH:mm:ss} {(d.Mode == AutopilotMode.Paper ? "🧪" : "💵")} {Word(d.Outcome)}{(d.Reason is null ? string.Empty : " (" + Html.Escape(d.Reason) + ")")} · {Html.Escape(d.Title)} ${Money.DollarString(d.PriceCents)}"));
        return t.AutopilotLogTitle + "\n" + string.Join("\n", lines);
    }

    private static string Word(AutopilotOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
