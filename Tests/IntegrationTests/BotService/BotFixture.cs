using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.IntegrationTests.TelegramSimulator;
using StackExchange.Redis;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>A Telegram simulator, a migrated database and one BotService replica polling the simulator.</summary>
public class BotFixture(InfrastructureFixture infrastructure) : TelegramSimulatorFixture
{
    private TestWebServer? _bot;

    public const long AdminId = 900001;

    public string Database { get; private set; } = "";

    public string KeyPrefix { get; } = $"test:bot:{Guid.NewGuid():N}:";

    public ErrorLog Log { get; } = new();

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    /// <summary>The bot replica's services (the Telegram simulator's are <see cref="TelegramSimulatorFixture.Services"/>).</summary>
    public IServiceProvider BotServices => _bot!.Services;

    protected virtual (string Key, string Value)[] BotSettings => [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Database = await BotSeed.DatabaseAsync(infrastructure);
        Redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.Redis.ConnectionString);
        _bot = await BotHost.StartAsync(Database, infrastructure.Redis.ConnectionString, Address, Token, KeyPrefix, "bot-a", Log, BotSettings);
        try
        {
            await BotSeed.WaitForCheckpointAsync(Database, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + " The bot's log:\n" + string.Join("\n", Log.All), e);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        Redis?.Dispose();
        await base.DisposeAsync();
    }
}
