namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A title the market knows, with the price it really trades at (the model's ground truth).</summary>
public sealed class CatalogItem(string gameId, string title, string categoryPath, string? exterior, long fairPriceCents)
{
    public string GameId { get; } = gameId;

    public string Title { get; } = title;

    public string CategoryPath { get; } = categoryPath;

    public string? Exterior { get; } = exterior;

    public long FairPriceCents { get; set; } = fairPriceCents;
}
