namespace DMarketAspire.Data.Domain;

/// <summary>A user's local time: quiet hours and the daily cap's day are in their time zone.</summary>
public static class UserClock
{
    public static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnownZone(string timeZone) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    /// <summary>Inside [from, to) in local hours; a range like 23–7 spans midnight; equal ends mean the whole day.</summary>
    public static bool InQuietHours(BotUser user, DateTimeOffset now)
    {
        if (user.QuietFromHour is not { } from || user.QuietToHour is not { } to)
        {
            return false;
        }

        var hour = TimeZoneInfo.ConvertTime(now, Zone(user.TimeZone)).Hour;
        return from == to || (from < to ? hour >= from && hour < to : hour >= from || hour < to);
    }

    /// <summary>When the user's current local day began, as an instant.</summary>
    public static DateTimeOffset StartOfLocalDay(BotUser user, DateTimeOffset now) => StartOfLocalDay(user.TimeZone, now);

    /// <summary>When the current local day in <paramref name="timeZone"/> began, as an instant.</summary>
    public static DateTimeOffset StartOfLocalDay(string timeZone, DateTimeOffset now)
    {
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The end of the digest period <paramref name="now"/> falls in: periods are aligned to the user's local midnight.</summary>
    public static DateTimeOffset DigestDue(BotUser user, DateTimeOffset now)
    {
        var period = TimeSpan.FromMinutes(Math.Max(1, user.DigestIntervalMinutes));
        var dayStart = StartOfLocalDay(user, now);
        var elapsed = now - dayStart;
        var periods = (long)(elapsed.Ticks / period.Ticks) + 1;
        return dayStart + TimeSpan.FromTicks(Math.Min(periods * period.Ticks, TimeSpan.FromDays(1).Ticks));
    }
}
