namespace DMarketAspire.DMarket.Client.Models;

/// <summary>The account balance in cents; DMC in dimoshi.</summary>
public sealed record Balance(long UsdCents, long UsdAvailableToWithdrawCents, long UsdTradeProtectedCents, long Dmc, long DmcAvailableToWithdraw)
{
    /// <summary>What can be spent on items now: trade-protected funds cannot.</summary>
    public long TradableCents => UsdCents - UsdTradeProtectedCents;
}
