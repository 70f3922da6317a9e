using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>
/// A title the market knows, with the price it really trades at (the model's ground truth) and what every copy of it
/// shares (<see cref="Kind"/>: exterior, StatTrak™, category, hero, quality…); each listing draws the rest.
/// </summary>
public sealed class CatalogItem(string gameId, string title, string categoryPath, ItemAttributes kind, long fairPriceCents)
{
    public string GameId { get; } = gameId;

    public string Title { get; } = title;

    public string CategoryPath { get; } = categoryPath;

    public ItemAttributes Kind { get; } = kind;

    public long FairPriceCents { get; set; } = fairPriceCents;
}
