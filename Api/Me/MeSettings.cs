namespace DMarketAspire.Api.Me;

/// <summary>
/// The user's bot settings as the Api shows them. Money in cents; empty games or levels mean all; titles with a skip
/// word are never sent, and with "only" words only titles holding one are. <see cref="Items"/> holds the item-attribute
/// filter in the bot's <c>/settings</c> syntax (exterior: "Factory New, Minimal Wear", float: "0-0.07"); absent keys mean any.
/// </summary>
public sealed record MeSettings(
    long UserId,
    string Language,
    string[] Games,
    string[] Levels,
    decimal MinProfitPercent,
    long MinProfitCents,
    long? MaxPriceCents,
    int MinLiquidity,
    string Mode,
    int DigestIntervalMinutes,
    int? QuietFromHour,
    int? QuietToHour,
    string TimeZone,
    int DailyCap,
    bool Paused,
    string[] SkipWords,
    string[] OnlyWords,
    IReadOnlyDictionary<string, string> Items);
