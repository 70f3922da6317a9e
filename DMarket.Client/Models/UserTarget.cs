namespace DMarketAspire.DMarket.Client.Models;

/// <summary>One of the account's own buy orders.</summary>
public sealed record UserTarget(string TargetId, string GameId, string Title, long Amount, long PriceCents, string Status, DateTimeOffset? CreatedAt)
{
    public bool IsActive => Status is "TargetStatusActive" or "TARGET_STATUS_ACTIVE";
}
