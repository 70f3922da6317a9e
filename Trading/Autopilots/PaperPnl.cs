namespace DMarketAspire.Trading.Autopilots;

/// <summary>Paper mode's profit and loss, apart from the real one: what it bought, sold and still holds, in cents.</summary>
public sealed record PaperPnl(int Bought, int Sold, int Held, long SpentCents, long SoldForCents, long FeesCents, long RealizedCents, long HeldCostCents, long BalanceCents);
