namespace DMarketAspire.BotService.Localization;

/// <summary>
/// Everything the bot says, in one language. Values are HTML for Telegram's HTML parse mode: placeholders are filled
/// with escaped text by the callers (<see cref="Cards.Html.Escape"/>), never with raw user or market strings.
/// </summary>
public sealed partial class BotTexts
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];

    public required string Code { get; init; }

    public required string LanguageName { get; init; }

    public required string Welcome { get; init; }

    public required string WelcomeBack { get; init; }

    public required string Help { get; init; }

    public required string Menu { get; init; }

    public required string NotACommand { get; init; }

    public required string UnknownCommand { get; init; }

    public required string UnknownGame { get; init; }

    public required string UnknownLevel { get; init; }

    public required string ScanUsage { get; init; }

    public required string ScanHeader { get; init; }

    public required string TopHeader { get; init; }

    public required string NoOpportunities { get; init; }

    public required string PageOf { get; init; }

    public required string CardBuy { get; init; }

    public required string CardResale { get; init; }

    public required string CardProfit { get; init; }

    public required string CardLiquidity { get; init; }

    public required string OpenOnDMarket { get; init; }

    public required string NewOpportunity { get; init; }

    public required string NewOpportunities { get; init; }

    public required string DigestHeader { get; init; }

    public required string DigestMore { get; init; }

    public required string SettingsTitle { get; init; }

    public required string SettingsGames { get; init; }

    public required string SettingsLevels { get; init; }

    public required string SettingsMinProfit { get; init; }

    public required string SettingsMaxPrice { get; init; }

    public required string SettingsLiquidity { get; init; }

    public required string SettingsMode { get; init; }

    public required string SettingsQuietHours { get; init; }

    public required string SettingsTimeZone { get; init; }

    public required string SettingsLanguage { get; init; }

    public required string SettingsDailyCap { get; init; }

    public required string SettingsUsage { get; init; }

    public required string Saved { get; init; }

    public required string All { get; init; }

    public required string NoLimit { get; init; }

    public required string Off { get; init; }

    public required string ModeInstant { get; init; }

    public required string ModeDigest { get; init; }

    public required string ModeOff { get; init; }

    public required string ChooseGames { get; init; }

    public required string ChooseLevels { get; init; }

    public required string ChooseMinProfitPercent { get; init; }

    public required string ChooseMinProfitDollars { get; init; }

    public required string ChooseMaxPrice { get; init; }

    public required string ChooseLiquidity { get; init; }

    public required string ChooseMode { get; init; }

    public required string ChooseQuietHours { get; init; }

    public required string ChooseTimeZone { get; init; }

    public required string ChooseLanguage { get; init; }

    public required string InvalidNumber { get; init; }

    public required string InvalidMoney { get; init; }

    public required string InvalidRange { get; init; }

    public required string InvalidTimeZone { get; init; }

    public required string InvalidQuietHours { get; init; }

    public required string InvalidChoice { get; init; }

    public required string Paused { get; init; }

    public required string AlreadyPaused { get; init; }

    public required string Resumed { get; init; }

    public required string AlreadyRunning { get; init; }

    public required string Stats { get; init; }

    public required string Status { get; init; }

    public required string AdminsOnly { get; init; }

    public required string TooFast { get; init; }

    public required string TooFastButton { get; init; }

    public required string ButtonExpired { get; init; }

    public required string SomethingWentWrong { get; init; }

    public required string ButtonScan { get; init; }

    public required string ButtonTop { get; init; }

    public required string ButtonSettings { get; init; }

    public required string ButtonStats { get; init; }

    public required string ButtonPause { get; init; }

    public required string ButtonResume { get; init; }

    public required string ButtonHelp { get; init; }

    public required string ButtonBack { get; init; }

    public required string ButtonDone { get; init; }

    public required string ButtonPrevious { get; init; }

    public required string ButtonNext { get; init; }

    public required string KeysUsage { get; init; }

    public required string KeysStatus { get; init; }

    public required string KeysBadPublic { get; init; }

    public required string KeysBadSecret { get; init; }

    public required string KeysNotHex { get; init; }

    public required string KeysMismatch { get; init; }

    public required string KeysRejected { get; init; }

    public required string KeysConnected { get; init; }

    public required string KeysRemoved { get; init; }

    public required string KeysNone { get; init; }

    /// <summary>No keys connected, and how to connect them.</summary>
    public string KeysNeeded => KeysNone + KeysUsage;

    public required string KeysMessageDeleted { get; init; }

    public required string KeysMessageNotDeleted { get; init; }

    public required string BalanceText { get; init; }

    public required string DMarketUnavailable { get; init; }

    public required string TargetUsage { get; init; }

    public required string TargetPriceNotPositive { get; init; }

    public required string TargetAmountName { get; init; }

    public required string TargetUnknownTitle { get; init; }

    public required string TargetAboveAsk { get; init; }

    public required string TargetBalanceShort { get; init; }

    public required string TargetLimitReached { get; init; }

    public required string TargetRefused { get; init; }

    public required string TargetPlaced { get; init; }

    public required string TargetNoCompetition { get; init; }

    public required string TargetCompetition { get; init; }

    public required string TargetsNoneOfOurs { get; init; }

    public required string TargetsDeleted { get; init; }

    public required string TargetsEmpty { get; init; }

    public required string TargetLine { get; init; }

    public required string TargetMadeElsewhere { get; init; }

    public required string ButtonDeleteTarget { get; init; }

    public required string ButtonCancelAllOurs { get; init; }

    public required string TargetsHeader { get; init; }

    public required string TargetFilled { get; init; }

    public required string ItemUsage { get; init; }

    public required string ItemNotFound { get; init; }

    public required string ItemChoose { get; init; }

    public required string ItemNoTrend { get; init; }

    public required string ItemNoSales { get; init; }

    public required string ItemCaption { get; init; }

    public required string ApiKeyIssued { get; init; }

    public required string ApiKeyRevoked { get; init; }

    public required string ApiKeyNone { get; init; }

    public required string ApiKeyUsage { get; init; }

    public required string AlertUsage { get; init; }

    public required string AlertChoose { get; init; }

    public required string AlertCreated { get; init; }

    public required string AlertNowPrice { get; init; }

    public required string AlertNoPriceYet { get; init; }

    public required string AlertAlreadyCrossed { get; init; }

    public required string AlertDuplicate { get; init; }

    public required string AlertLimit { get; init; }

    public required string AlertsEmpty { get; init; }

    public required string AlertsHeader { get; init; }

    public required string AlertLine { get; init; }

    public required string AlertFiredTimes { get; init; }

    public required string AlertBelow { get; init; }

    public required string AlertAbove { get; init; }

    public required string ButtonDeleteAlert { get; init; }

    public required string ButtonDeleteAllAlerts { get; init; }

    public required string AlertsDeleted { get; init; }

    public required string AlertFiredHeader { get; init; }

    public required string AlertFiredLine { get; init; }

    public required string AlertBadDirection { get; init; }

    public required string AlertPriceNotPositive { get; init; }

    public required string ButtonBuyOrder { get; init; }

    public required string TargetProposal { get; init; }

    public required string ButtonPlaceAt { get; init; }

    public required string TargetNoRoom { get; init; }

    public required string ButtonAlertDeleted { get; init; }

    public required IReadOnlyList<(string Command, string Description)> Commands { get; init; }

    public static BotTexts For(string? language) => language == "ru" ? Russian : English;

    /// <summary>Telegram's language code at <c>/start</c>: Russian for ru (and uk, be, kk, whose users mostly read it), else English.</summary>
    public static string FromTelegram(string? languageCode) => languageCode is "ru" or "uk" or "be" or "kk" ? "ru" : "en";

    public string Format(string template, params object?[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);

    public required string ButtonBuyNow { get; init; }

    public required string ButtonConfirmBuy { get; init; }

    public required string ButtonCancel { get; init; }

    public required string BuySummary { get; init; }

    public required string BuySummaryShort { get; init; }

    public required string BuyBought { get; init; }

    public required string BuyAlreadySold { get; init; }

    public required string BuyNotEnoughBalance { get; init; }

    public required string BuyKeysRefused { get; init; }

    public required string BuyRefused { get; init; }

    public required string BuyChecking { get; init; }

    public required string BuyReconciledBought { get; init; }

    public required string BuyNotBought { get; init; }

    public required string BuyAlreadyConfirmed { get; init; }

    public required string BuyExpired { get; init; }

    public required string BuyInFlight { get; init; }

    public required string BuyCancelled { get; init; }

    public required string BuyUsage { get; init; }

    public required string BuyUnknownOffer { get; init; }

    public required string InventoryHeader { get; init; }

    public required string InventoryEmpty { get; init; }

    public required string InventoryLine { get; init; }

    public required string InventoryLocked { get; init; }

    public required string CostUnknown { get; init; }

    public required string SellUsage { get; init; }

    public required string SellNoPosition { get; init; }

    public required string SellQuote { get; init; }

    public required string SellListedNow { get; init; }

    public required string SellNoPrice { get; init; }

    public required string ButtonListAt { get; init; }

    public required string ButtonListFollow { get; init; }

    public required string ButtonDelist { get; init; }

    public required string SellListed { get; init; }

    public required string SellFollowing { get; init; }

    public required string SellRepriced { get; init; }

    public required string SellDelisted { get; init; }

    public required string SellAlreadyListed { get; init; }

    public required string SellNotListed { get; init; }

    public required string SellBelowBreakEven { get; init; }

    public required string SellRefused { get; init; }

    public required string SellTradeLocked { get; init; }

    public required string SellNotAnswered { get; init; }

    public required string SellBadPrice { get; init; }

    public required string DelistUsage { get; init; }

    public required string SaleDone { get; init; }

    public required string PnlHeader { get; init; }

    public required string PnlToday { get; init; }

    public required string Pnl7Days { get; init; }

    public required string Pnl30Days { get; init; }

    public required string PnlAll { get; init; }

    public required string PnlLine { get; init; }

    public required string PnlUnknownCost { get; init; }

    public required string PnlByGame { get; init; }

    public required string PnlBest { get; init; }

    public required string PnlWorst { get; init; }

    public required string PnlUnrealized { get; init; }

    public required string PnlEmpty { get; init; }

    public required string InventoryListed { get; init; }

    public required string CostUsage { get; init; }

    public required string CostSet { get; init; }

    public required string NotAllowed { get; init; }

    public required string AccessUsage { get; init; }

    public required string AccessAllowed { get; init; }

    public required string AccessDenied { get; init; }

    public required string AccessNotListed { get; init; }

    public required string AccessConfigured { get; init; }

    public required string AccessOpen { get; init; }

    public required string AccessHeader { get; init; }

    public required string AccessFromConfiguration { get; init; }

    public required string AccessAddedBy { get; init; }

    public required string AccessAdminsOnly { get; init; }

    public required string SettingsSkipWords { get; init; }

    public required string SettingsOnlyWords { get; init; }

    public required string InvalidWords { get; init; }

    public required string SettingsItems { get; init; }

    public required string ItemsExterior { get; init; }

    public required string ItemsFloat { get; init; }

    public required string ItemsStickers { get; init; }

    public required string ItemsPhase { get; init; }

    public required string ItemsCategory { get; init; }

    public required string ItemsTradeLock { get; init; }

    public required string ItemsQuality { get; init; }

    public required string ItemsRarity { get; init; }

    public required string ItemsReset { get; init; }

    public required string ItemsHelp { get; init; }

    public required string ItemsOnly { get; init; }

    public required string ItemsWithout { get; init; }

    public required string InvalidFloatRange { get; init; }

    public required string CardStickers { get; init; }

    public required string CardTradeLock { get; init; }

    public required string AutopilotPaperBought { get; init; }

    public required string AutopilotBought { get; init; }

    public required string AutopilotListingAt { get; init; }

    public required string AutopilotLost { get; init; }

    public required string AutopilotFailed { get; init; }

    public required string AutopilotPausedTold { get; init; }

    public required string AutopilotReasonFailures { get; init; }

    public required string AutopilotReasonDailyLoss { get; init; }

    public required string AutopilotOn { get; init; }

    public required string AutopilotOff { get; init; }

    public required string AutopilotPausedLine { get; init; }

    public required string AutopilotModePaper { get; init; }

    public required string AutopilotModeLive { get; init; }

    public required string AutopilotRules { get; init; }

    public required string AutopilotAllGames { get; init; }

    public required string AutopilotAllLevels { get; init; }

    public required string AutopilotSkipping { get; init; }

    public required string AutopilotLimits { get; init; }

    public required string AutopilotAfterList { get; init; }

    public required string AutopilotAfterHold { get; init; }

    public required string AutopilotPaperLine { get; init; }

    public required string AutopilotTodayLine { get; init; }

    public required string AutopilotNothingToday { get; init; }

    public required string AutopilotChangeHint { get; init; }

    public required string AutopilotSetUsage { get; init; }

    public required string AutopilotSetProblem { get; init; }

    public required string AutopilotUsage { get; init; }

    public required string AutopilotLiveConfirm { get; init; }

    public required string AutopilotLiveNeedsKeys { get; init; }

    public required string AutopilotButtonOn { get; init; }

    public required string AutopilotButtonOff { get; init; }

    public required string AutopilotButtonResume { get; init; }

    public required string AutopilotButtonPaper { get; init; }

    public required string AutopilotButtonLive { get; init; }

    public required string AutopilotButtonConfirmLive { get; init; }

    public required string AutopilotButtonLog { get; init; }

    public required string AutopilotLogEmpty { get; init; }

    public required string AutopilotLogTitle { get; init; }

    public required string AutopilotNeedsKeys { get; init; }

    public required string PanicStopped { get; init; }

    public required string PanicNoKeys { get; init; }

    public required string PanicTargets { get; init; }

    public required string PanicTargetsFailed { get; init; }

    public required string PanicDelisted { get; init; }

    public required string PanicOffered { get; init; }

    public required string PanicNotDone { get; init; }

    public required string PanicChoose { get; init; }

    public required string PanicButtonDelist { get; init; }

    public required string PanicButtonSell { get; init; }

    public required string PanicNoBuyOrder { get; init; }

    public required string AutopilotReportTitle { get; init; }

    public required string AutopilotReportPaper { get; init; }

    public required string AutopilotReportLive { get; init; }

    public required string AutopilotReportLine { get; init; }

    public required string AutopilotReportBest { get; init; }

    public required string AutopilotReportDecisions { get; init; }

    public required string AutopilotReportNoDecisions { get; init; }

    public required string AutopilotReportAt { get; init; }

    public required string AutopilotReportOff { get; init; }
}
