using System.Text.Json;

namespace DMarketAspire.DMarketSimulator;

/// <summary>Names are written exactly as declared: each endpoint spells its own fields, in its family's casing.</summary>
public static class SimulatorJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
    };
}
