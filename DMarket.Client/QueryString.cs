using System.Globalization;
using System.Text;

namespace DMarketAspire.DMarket.Client;

/// <summary>Builds a query string once, percent-encoded; the signature covers it exactly as it is sent.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text = new();

    public QueryString Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => _text.ToString();

    public static implicit operator string(QueryString query) => query.ToString();
}
