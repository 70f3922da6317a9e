using System.Globalization;
using System.Text;

namespace DMarketAspire.DMarketSimulator.Apis;

/// <summary>An opaque cursor over a position, for the account's own short lists.</summary>
internal static class OffsetCursor
{
    public static string Encode(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes("pos:" + position.ToString(CultureInfo.InvariantCulture)));

    public static int? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("pos:", StringComparison.Ordinal) && int.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
