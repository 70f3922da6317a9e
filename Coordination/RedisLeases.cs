using StackExchange.Redis;

namespace DMarketAspire.Coordination;

/// <summary>
/// Exclusive, expiring leases in Redis: whoever holds one does the work it guards (a Scanner replica a game and level,
/// the bot's leader the polling and sending). A holder that dies stops renewing and its lease expires. Renewal and
/// release only act while the lease is still ours (a conditional transaction).
/// </summary>
public sealed class RedisLeases(IConnectionMultiplexer redis, string keyPrefix, string? owner = null)
{
    public string Owner { get; } = owner ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public Task<bool> TryAcquireAsync(string name, TimeSpan duration) =>
        redis.GetDatabase().StringSetAsync(Key(name), Owner, duration, When.NotExists);

    public Task<bool> RenewAsync(string name, TimeSpan duration) => IfStillOurs(name, (transaction, key) => transaction.KeyExpireAsync(key, duration));

    /// <summary>
    /// Renews the lease every third of <paramref name="duration"/> until <paramref name="cancellationToken"/> is cancelled
    /// (true), or until it is lost (false): taken by another holder, lapsed, or Redis unreachable, when no holder can know
    /// it still holds it. For work whose steps can outlast the lease, where renewing between steps would let it lapse.
    /// </summary>
    public async Task<bool> HoldAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(duration / 3, cancellationToken);
                if (!await RenewAsync(name, duration))
                {
                    return false;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Lets go of the lease, keeping it unavailable for <paramref name="cooldown"/> so the unit is not scanned again at once.</summary>
    public Task<bool> ReleaseAsync(string name, TimeSpan cooldown) => cooldown > TimeSpan.Zero
        ? IfStillOurs(name, (transaction, key) => transaction.KeyExpireAsync(key, cooldown))
        : IfStillOurs(name, (transaction, key) => transaction.KeyDeleteAsync(key));

    public async Task<string?> HolderAsync(string name) => await redis.GetDatabase().StringGetAsync(Key(name));

    private async Task<bool> IfStillOurs(string name, Func<ITransaction, RedisKey, Task> action)
    {
        var key = Key(name);
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(key, Owner));
        _ = action(transaction, key);
        return await transaction.ExecuteAsync();
    }

    private RedisKey Key(string name) => $"{keyPrefix}lease:{name}";
}
