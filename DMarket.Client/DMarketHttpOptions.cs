using System.Net.Http;

namespace DMarketAspire.DMarket.Client;

internal static class DMarketHttpOptions
{
    /// <summary>Marks a request whose signature was refreshed after a clock correction, so it is retried only once.</summary>
    public static readonly HttpRequestOptionsKey<bool> ResignedAfterSkew = new("DMarket.ResignedAfterSkew");

    /// <summary>
    /// Marks a request that changes something at DMarket (a buy, a listing, a buy order). Its answer can be lost after it
    /// took effect, so only a 429 (refused before any effect) is retried; anything else is the caller's to reconcile.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> ChangesState = new("DMarket.ChangesState");

    /// <summary>The account a request is made for (signed with its keys, paced by its budget); absent: the service's own.</summary>
    public static readonly HttpRequestOptionsKey<Signing.DMarketKeys> AccountKeys = new("DMarket.AccountKeys");
}
