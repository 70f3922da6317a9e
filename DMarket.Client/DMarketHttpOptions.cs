using System.Net.Http;

namespace DMarketAspire.DMarket.Client;

internal static class DMarketHttpOptions
{
    /// <summary>Marks a request whose signature was refreshed after a clock correction, so it is retried only once.</summary>
    public static readonly HttpRequestOptionsKey<bool> ResignedAfterSkew = new("DMarket.ResignedAfterSkew");

    /// <summary>The account a request is made for (signed with its keys, paced by its budget); absent: the service's own.</summary>
    public static readonly HttpRequestOptionsKey<Signing.DMarketKeys> AccountKeys = new("DMarket.AccountKeys");
}
