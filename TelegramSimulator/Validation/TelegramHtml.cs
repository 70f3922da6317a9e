using System.Globalization;
using System.Net;
using System.Text;
using DMarketAspire.TelegramSimulator.BotApi;

namespace DMarketAspire.TelegramSimulator.Validation;

/// <summary>
/// Telegram's HTML parse mode, strictly: only its tags, properly nested; only <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</c>
/// and numeric entities; every other <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> is an error ("can't parse entities"), so
/// a bot that forgets to escape an item name fails here as it would at Telegram.
/// </summary>
public static class TelegramHtml
{
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];
    private static readonly Dictionary<string, string> NamedEntities = new() { ["lt"] = "<", ["gt"] = ">", ["amp"] = "&", ["quot"] = "\"" };

    public sealed record Parsed(string Text, string SafeHtml);

    public static Parsed Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var safe = new StringBuilder(html.Length + 16);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                i = ReadTag(html, i, open, safe);
            }
            else if (c == '&')
            {
                var (value, next) = ReadEntity(html, i, text.Length);
                text.Append(value);
                safe.Append(WebUtility.HtmlEncode(value));
                i = next;
            }
            else if (c == '>')
            {
                throw Error($"Character '>' is reserved and must be escaped at byte offset {Encoding.UTF8.GetByteCount(html.AsSpan(0, i))}");
            }
            else
            {
                text.Append(c);
                safe.Append(c switch { '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw Error($"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
        }

        return new Parsed(text.ToString(), safe.ToString());
    }

    private static int ReadTag(string html, int start, Stack<string> open, StringBuilder safe)
    {
        var end = html.IndexOf('>', start);
        if (end < 0)
        {
            throw Error($"Unclosed start tag at byte offset {Encoding.UTF8.GetByteCount(html.AsSpan(0, start))}");
        }

        var body = html[(start + 1)..end].Trim();
        if (body.StartsWith('/'))
        {
            var name = body[1..].Trim().ToLowerInvariant();
            if (open.Count == 0 || open.Peek() != name)
            {
                throw Error($"Unmatched end tag at byte offset {Encoding.UTF8.GetByteCount(html.AsSpan(0, start))}, expected \"</{(open.Count > 0 ? open.Peek() : "")}>\", found \"</{name}>\"");
            }

            open.Pop();
            safe.Append(name == "a" ? "</a>" : $"</{SafeTag(name)}>");
            return end + 1;
        }

        var space = body.IndexOfAny([' ', '\t', '\n']);
        var tag = (space < 0 ? body : body[..space]).ToLowerInvariant();
        var attributes = space < 0 ? "" : body[(space + 1)..].Trim();
        if (!Tags.Contains(tag))
        {
            throw Error($"Unsupported start tag \"{tag}\" at byte offset {Encoding.UTF8.GetByteCount(html.AsSpan(0, start))}");
        }

        if (tag is "code" or "pre" && open.Any(t => t is "code" && tag is "code"))
        {
            throw Error("Nested code entities are not allowed");
        }

        switch (tag)
        {
            case "a":
                var href = Attribute(attributes, "href");
                if (href is null || !(Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg"))
                {
                    throw Error("Wrong link URL in an <a> tag");
                }

                safe.Append(CultureInfo.InvariantCulture, $"<a href=\"{WebUtility.HtmlEncode(uri.ToString())}\" target=\"_blank\" rel=\"noopener\">");
                break;
            case "span" when Attribute(attributes, "class") != "tg-spoiler":
                throw Error("Tag \"span\" must have class \"tg-spoiler\"");
            default:
                safe.Append(CultureInfo.InvariantCulture, $"<{SafeTag(tag)}>");
                break;
        }

        open.Push(tag);
        return end + 1;
    }

    private static (string Value, int Next) ReadEntity(string html, int start, int textOffset)
    {
        var end = html.IndexOf(';', start);
        var name = end < 0 || end - start > 10 ? null : html[(start + 1)..end];
        if (name is null)
        {
            throw Error($"Character '&' is reserved and must be escaped as &amp;amp; at text offset {textOffset}");
        }

        if (NamedEntities.TryGetValue(name, out var value))
        {
            return (value, end + 1);
        }

        if (name.StartsWith('#')
            && (name.Length > 2 && name[1] is 'x' or 'X'
                ? int.TryParse(name.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                : int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out code))
            && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
        {
            return (char.ConvertFromUtf32(code), end + 1);
        }

        throw Error($"Unsupported HTML entity \"&{name};\" at text offset {textOffset}");
    }

    private static string? Attribute(string attributes, string name)
    {
        var at = attributes.IndexOf(name + "=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var rest = attributes[(at + name.Length + 1)..];
        if (rest.Length > 0 && rest[0] is '"' or '\'')
        {
            var close = rest.IndexOf(rest[0], 1);
            return close < 0 ? null : WebUtility.HtmlDecode(rest[1..close]);
        }

        var stop = rest.IndexOf(' ');
        return WebUtility.HtmlDecode(stop < 0 ? rest : rest[..stop]);
    }

    private static string SafeTag(string tag) => tag switch
    {
        "strong" => "b",
        "em" => "i",
        "ins" => "u",
        "strike" or "del" => "s",
        "span" or "tg-spoiler" => "mark",
        "tg-emoji" => "span",
        _ => tag,
    };

    private static BotApiException Error(string what) => BotApiException.BadRequest($"can't parse entities: {what}");
}
