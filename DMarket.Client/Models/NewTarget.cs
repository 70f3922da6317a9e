namespace DMarketAspire.DMarket.Client.Models;

/// <summary>A buy order to place: up to <see cref="Amount"/> items of <see cref="Title"/> at <see cref="PriceCents"/> each.</summary>
public sealed record NewTarget(string Title, long PriceCents, int Amount = 1)
{
    public string? FloatPartValue { get; init; }

    public string? Phase { get; init; }

    public int? PaintSeed { get; init; }
}
