namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>A trading account, found by its public key.</summary>
public sealed class Account
{
    public required string Id { get; init; }

    public required string Username { get; init; }

    public required string PublicKeyHex { get; init; }

    public long BalanceCents { get; set; }

    public long TradeProtectedCents { get; set; }

    public int TargetsLimit { get; init; } = 300;

    /// <summary>What the account holds on DMarket, by asset id.</summary>
    public Dictionary<string, Asset> Inventory { get; } = new(StringComparer.Ordinal);
}
