using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Wire;

internal sealed record DeleteTargetsRequest([property: JsonPropertyName("Targets")] IReadOnlyList<DeleteTargetsRequest.TargetRef> Targets)
{
    internal sealed record TargetRef([property: JsonPropertyName("TargetID")] string TargetId);
}
