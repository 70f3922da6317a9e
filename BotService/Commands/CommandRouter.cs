using DMarketAspire.BotService.Cards;
using DMarketAspire.BotService.Telegram;

namespace DMarketAspire.BotService.Commands;

/// <summary>Commands by name and button presses by their data's prefix, to the handlers of this update's scope.</summary>
public sealed class CommandRouter(GeneralCommands general, ScanCommands scan, SettingsCommands settings, AccountCommands accounts, Targets.TargetCommands targets,
    Items.ItemCommands items, Accounts.ApiKeyCommands apiKeys, Alerts.AlertCommands alerts, Trading.BuyCommands buys, Trading.InventoryCommands inventory, Trading.SellCommands sell, Trading.PnlCommands pnl, Autopilots.AutopilotCommands autopilot, Autopilots.PanicCommands panic, Access.AccessCommands access, BotReplies replies)
{
    public Task RunAsync(CommandContext c, CancellationToken cancellationToken) => c.Command.Name switch
    {
        "start" => general.StartAsync(c, cancellationToken),
        "help" => general.HelpAsync(c, cancellationToken),
        "menu" => general.MenuAsync(c, cancellationToken),
        "pause" => general.PauseAsync(c, cancellationToken),
        "resume" => general.ResumeAsync(c, cancellationToken),
        "stats" => general.StatsAsync(c, cancellationToken),
        "status" => general.StatusAsync(c, cancellationToken),
        "scan" => scan.ScanAsync(c, cancellationToken),
        "top" => scan.TopAsync(c, cancellationToken),
        "settings" => settings.SettingsAsync(c, cancellationToken),
        "keys" => accounts.KeysAsync(c, cancellationToken),
        "balance" => accounts.BalanceAsync(c, cancellationToken),
        "targets" => targets.TargetsAsync(c, cancellationToken),
        "target" => targets.TargetAsync(c, cancellationToken),
        "item" => items.ItemAsync(c, cancellationToken),
        "apikey" => apiKeys.ApiKeyAsync(c, cancellationToken),
        "alert" => alerts.AlertAsync(c, cancellationToken),
        "alerts" => alerts.AlertsAsync(c, cancellationToken),
        "buy" => buys.BuyAsync(c, cancellationToken),
        "inventory" => inventory.InventoryAsync(c, cancellationToken),
        "cost" => inventory.CostAsync(c, cancellationToken),
        "sell" => sell.SellAsync(c, cancellationToken),
        "delist" => sell.DelistAsync(c, cancellationToken),
        "pnl" => pnl.PnlAsync(c, cancellationToken),
        "autopilot" => autopilot.AutopilotAsync(c, cancellationToken),
        "panic" => panic.PanicAsync(c, cancellationToken),
        "allow" => access.AllowAsync(c, cancellationToken),
        "deny" => access.DenyAsync(c, cancellationToken),
        "users" => access.UsersAsync(c, cancellationToken),
        _ => replies.SendAsync(c.ChatId, c.Texts.Format(c.Texts.UnknownCommand, Html.Escape("/" + c.Command.Name)), null, cancellationToken),
    };

    /// <summary>Returns the short text for <c>answerCallbackQuery</c>, if any.</summary>
    public Task<string?> PressAsync(CallbackContext c, CancellationToken cancellationToken) => c.Part(0) switch
    {
        "m" => general.MenuPressAsync(c, this, cancellationToken),
        ScanCommands.ScanPrefix or ScanCommands.TopPrefix => scan.PageAsync(c, cancellationToken),
        SettingsCommands.Prefix => settings.PressAsync(c, cancellationToken),
        Targets.TargetCommands.Prefix => targets.PressAsync(c, cancellationToken),
        Items.ItemCommands.Prefix => items.PressAsync(c, cancellationToken),
        Alerts.AlertCommands.Prefix => alerts.PressAsync(c, cancellationToken),
        Trading.BuyCommands.Prefix => buys.PressAsync(c, cancellationToken),
        Trading.InventoryCommands.Prefix => inventory.PressAsync(c, cancellationToken),
        Trading.SellCommands.Prefix => sell.PressAsync(c, cancellationToken),
        Autopilots.AutopilotCommands.Prefix => autopilot.PressAsync(c, cancellationToken),
        Autopilots.PanicCommands.Prefix => panic.PressAsync(c, cancellationToken),
        _ => Task.FromResult<string?>(c.Texts.ButtonExpired),
    };
}
