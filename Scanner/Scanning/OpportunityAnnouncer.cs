using StackExchange.Redis;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>Wakes the outbox's readers (the Api, the bot) after new events were committed.</summary>
public sealed class OpportunityAnnouncer(IConnectionMultiplexer redis, IOptions<ScannerOptions> options)
{
    public async Task AnnounceAsync(long lastEventId)
    {
        if (lastEventId > 0)
        {
            // A wake-up call only: the outbox table is the record (read it from your own checkpoint); losing this loses nothing.
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(options.Value.OpportunityEventsChannel), lastEventId);
        }
    }
}
