namespace DMarketAspire.Trading.Positions;

/// <summary>What one sync saw: items held, positions added, positions gone.</summary>
public sealed record PositionSync(int Held, int Added, int Gone);
