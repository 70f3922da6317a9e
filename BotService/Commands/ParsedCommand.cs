namespace DMarketAspire.BotService.Commands;

/// <summary>A command as typed: <c>/name@bot arguments</c>, the name lower-cased, the arguments split on white space.</summary>
public sealed record ParsedCommand(string Name, IReadOnlyList<string> Arguments)
{
    private const int MaxNameLength = 32;

    /// <summary>A command addressed to another bot (<c>/cmd@OtherBot</c>): left to that bot, unanswered.</summary>
    public static bool IsForAnotherBot(string text, string? botUsername)
    {
        var first = text.TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var at = first.IndexOf('@');
        return first.StartsWith('/') && at > 0 && botUsername is not null && !string.Equals(first[(at + 1)..], botUsername, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Null when the text is no command, or a command for another bot in a group.</summary>
    public static ParsedCommand? Parse(string text, string? botUsername)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('/') || trimmed.Length < 2)
        {
            return null;
        }

        var parts = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = parts[0][1..];
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            if (botUsername is not null && !string.Equals(name[(at + 1)..], botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            name = name[..at];
        }

        name = name.ToLowerInvariant();
        if (name.Length > MaxNameLength)
        {
            name = name[..MaxNameLength];
        }

        return new ParsedCommand(name, parts[1..]);
    }
}
