using DMarketAspire.Data.Domain;
using DMarketAspire.Data.Infrastructure;
using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.Api;

/// <summary>A user with an Api key, two positions (one listed) and three sales, as the bot would have recorded them.</summary>
public static class TradingSeed
{
    public const long User = 880001;

    public static async Task<string> UserWithTradesAsync(string database)
    {
        var key = $"dma_{Guid.NewGuid():N}{Guid.NewGuid():N}"[..47];
        var now = DateTimeOffset.UtcNow;
        await using var db = SchemaTests.NewContext(database);
        db.BotUsers.Add(new BotUser { Id = User, ChatId = User, FirstName = "Trader", Language = "en", TimeZone = "UTC", CreatedAt = now, LastSeenAt = now });
        db.ApiKeys.Add(new ApiKey { UserId = User, KeyHash = ApiKeyHasher.Hash(key), Prefix = key[..8], CreatedAt = now });
        await db.SaveChangesAsync();
        db.Positions.AddRange(
            new Position { UserId = User, AssetId = "asset-held", GameId = "a8db", Title = "AK-47 | Held (Field-Tested)", CostCents = 12_34, CostSource = PositionCostSource.Bought, AcquiredAt = now.AddHours(-2), TradeLockUntil = now.AddDays(6), UpdatedAt = now },
            new Position { UserId = User, AssetId = "asset-listed", GameId = "rust", Title = "Listed Crate", CostSource = PositionCostSource.Unknown, AcquiredAt = now.AddHours(-1), OfferId = "offer-listed", ListPriceCents = 5_00, ListedAt = now, UpdatedAt = now },
            new Position { UserId = User, AssetId = "asset-sold", GameId = "rust", Title = "Sold Crate", CostCents = 10_00, CostSource = PositionCostSource.Bought, AcquiredAt = now.AddDays(-3), UpdatedAt = now, GoneAt = now.AddDays(-2) });
        db.Trades.AddRange(
            new Trade { UserId = User, OfferId = "sold-1", GameId = "rust", Title = "Sold Crate", PriceCents = 15_00, FeeCents = 1_50, CostCents = 10_00, ProfitCents = 3_50, ClosedAt = now.AddDays(-2), RecordedAt = now },
            new Trade { UserId = User, OfferId = "sold-2", GameId = "a8db", Title = "Loss Case", PriceCents = 4_00, FeeCents = 40, CostCents = 5_00, ProfitCents = -1_40, ClosedAt = now.AddHours(-5), RecordedAt = now },
            new Trade { UserId = User, OfferId = "sold-3", GameId = "a8db", Title = "Deposited Knife", PriceCents = 90_00, FeeCents = 2_70, ClosedAt = now.AddMinutes(-5), RecordedAt = now });
        await db.SaveChangesAsync();
        return key;
    }
}
