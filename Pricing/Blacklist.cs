namespace DMarketAspire.Pricing;

/// <summary>
/// Blacklisted words and phrases, matched as whole words. A CS2 title reads "&lt;type&gt; | &lt;name&gt; (&lt;exterior&gt;)":
/// only its type part is matched ("Sticker | …", "Sealed Graffiti | …", "Music Kit | …"), so a skin named
/// "Case Hardened" is not thrown out with the cases. Titles without "|" (cases, keys, capsules, passes, other
/// games' items) are matched whole.
/// </summary>
public sealed class Blacklist(IEnumerable<string> words)
{
    private static readonly char[] Separators = [' ', '(', ')', '-', '\'', '™', '★'];

    private readonly string[][] _phrases = words
        .Select(w => w.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Where(p => p.Length > 0)
        .ToArray();

    public bool Matches(string title)
    {
        var bar = title.IndexOf('|');
        var words = (bar >= 0 ? title[..bar] : title).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        foreach (var phrase in _phrases)
        {
            for (var start = 0; start + phrase.Length <= words.Length; start++)
            {
                if (PhraseAt(words, start, phrase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool PhraseAt(string[] words, int start, string[] phrase)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(words[start + i], phrase[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
