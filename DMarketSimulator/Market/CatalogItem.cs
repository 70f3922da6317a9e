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

    /// <summary>
    /// DMarket's own estimate of the price (<c>suggestedPrice</c>): the fair price off by up to 3%, by the same amount
    /// for a title every time (a hash of it), as an estimate from past sales is.
    /// </summary>
    public long SuggestedPriceCents => Math.Max(1, FairPriceCents * (PerMille + _suggestedSkewPerMille) / PerMille);

    private const long PerMille = 1000;
    private const uint SkewSpread = 61;

    // Worked out once: the most discounted pages ask it of every listing of a game.
    private readonly long _suggestedSkewPerMille = (long)(title.Aggregate(2166136261u, (h, c) => (h ^ c) * 16777619u) % SkewSpread) - (SkewSpread / 2);
}
