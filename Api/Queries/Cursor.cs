using System.Text;

namespace DMarketAspire.Api.Queries;

/// <summary>An opaque keyset cursor: the sort it belongs to, the last row's sort key and id.</summary>
public sealed record Cursor(string Sort, string Key, long Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sort}\n{Key}\n{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string text, out Cursor? cursor)
    {
        cursor = null;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            if (parts.Length == 3 && long.TryParse(parts[2], out var id))
            {
                cursor = new Cursor(parts[0], parts[1], id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
