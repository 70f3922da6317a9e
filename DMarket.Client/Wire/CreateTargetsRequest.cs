using System.Text.Json.Serialization;

namespace DMarketAspire.DMarket.Client.Wire;

/// <summary><c>POST /marketplace-api/v1/user-targets/create</c>: PascalCase, Amount a string, price in dollars.</summary>
internal sealed record CreateTargetsRequest(
    [property: JsonPropertyName("GameID")] string GameId,
    [property: JsonPropertyName("Targets")] IReadOnlyList<CreateTargetsRequest.TargetEntry> Targets)
{
    internal sealed record TargetEntry(
        [property: JsonPropertyName("Amount")] string Amount,
        [property: JsonPropertyName("Price")] MarketplaceMoney Price,
        [property: JsonPropertyName("Title")] string Title,
        [property: JsonPropertyName("Attrs")] TargetAttrs? Attrs);

    internal sealed record TargetAttrs(
        [property: JsonPropertyName("floatPartValue")] string? FloatPartValue,
        [property: JsonPropertyName("phase")] string? Phase,
        [property: JsonPropertyName("paintSeed")] int? PaintSeed);
}
