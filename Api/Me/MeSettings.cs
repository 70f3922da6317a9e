namespace DMarketAspire.Api.Me;

/// <summary>
/// The user's bot settings as the Api shows them. Money in cents; empty games or levels mean all; titles with a skip
/// word are never sent, and with "only" words only titles holding one are.
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
    string[] OnlyWords);
