namespace DMarketAspire.Api.Queries;

public static class Sorts
{
    public const string Profit = "profit";
    public const string Percent = "percent";
    public const string Liquidity = "liquidity";
    public const string Newest = "newest";

    public static readonly string[] All = [Profit, Percent, Liquidity, Newest];
}
