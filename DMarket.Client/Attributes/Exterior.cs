namespace DMarketAspire.DMarket.Client.Attributes;

/// <summary>A CS2 wear band: its short code (fn), name (Factory New), DMarket's filter spelling and float range [min, max).</summary>
public sealed record Exterior(string Code, string Name, string Wire, double FloatMin, double FloatMax)
{
    public bool Holds(double floatValue) => floatValue >= FloatMin && (floatValue < FloatMax || (FloatMax >= 1 && floatValue <= 1));
}
