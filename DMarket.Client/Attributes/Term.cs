namespace DMarketAspire.DMarket.Client.Attributes;

/// <summary>One value of a closed attribute vocabulary: a short code for buttons and typing, its name, DMarket's spelling.</summary>
public sealed record Term(string Code, string Name, string Wire)
{
    public bool Is(string text) =>
        text.Equals(Code, StringComparison.OrdinalIgnoreCase)
        || text.Equals(Name, StringComparison.OrdinalIgnoreCase)
        || text.Equals(Wire, StringComparison.OrdinalIgnoreCase);
}
