using DMarketAspire.DMarket.Client.Models;

namespace DMarketAspire.DMarketSimulator.Market;

public sealed partial class MarketModel
{
    /// <summary>The account's items of a game, oldest first (then by asset id), optionally by title prefix.</summary>
    public IReadOnlyList<Asset> Inventory(Account account, string gameId, string? titlePrefix)
    {
        lock (_gate)
        {
            return account.Inventory.Values
                .Where(a => a.GameId == gameId && (titlePrefix is null || a.Title.StartsWith(titlePrefix, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(a => a.AcquiredAt).ThenBy(a => a.AssetId, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Purchases that took effect, oldest first; one account's when given.</summary>
    public IReadOnlyList<BuyRecord> Buys(string? accountId)
    {
        lock (_gate)
        {
            return _buys.Where(b => accountId is null || b.AccountId == accountId).ToList();
        }
    }

    /// <summary>An item arrives from Steam (a deposit): the account holds it with no purchase on DMarket behind it.</summary>
    public Asset Deposit(Account account, string gameId, string title, TimeSpan? listingLock = null)
    {
        lock (_gate)
        {
            var asset = new Asset
            {
                AssetId = NewId(),
                GameId = gameId,
                Title = title,
                CategoryPath = _byTitle.TryGetValue((gameId, title), out var item) ? item.CategoryPath : string.Empty,
                Attributes = item?.Kind ?? ItemAttributes.None,
                AcquiredAt = _clock.UtcNow,
                ListingLockedUntil = listingLock is { } locked && locked > TimeSpan.Zero ? _clock.UtcNow + locked : null,
            };
            account.Inventory[asset.AssetId] = asset;
            return asset;
        }
    }

    /// <summary>The item leaves the account outside this app (withdrawn to Steam, sold elsewhere).</summary>
    public bool Withdraw(Account account, string assetId)
    {
        lock (_gate)
        {
            return account.Inventory.Remove(assetId);
        }
    }
}
