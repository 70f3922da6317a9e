namespace DMarketAspire.DMarketSimulator.Market;

public sealed class InvalidCursorException(string cursor, Exception inner) : Exception($"Invalid cursor '{cursor}'.", inner);
