using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary>The AppHost's choice of Telegram, in its model: with a bot token, the given Bot API and no simulator.</summary>
public sealed class TelegramConnectionTests
{
    [Fact]
    public async Task WithABotTokenTheBotGetsItAsASecretAndTheGivenBotApiAndNoSimulatorStarts()
    {
        var data = AppHostData.CreateFolder();
        try
        {
            await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DMarketAspire_AppHost>(
                ["--Telegram:BotToken=123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", "--Telegram:ApiBaseUrl=http://127.0.0.1:8081", "--Telegram:Admins=42,43", $"--AppHost:DataDirectory={data}"],
                TestContext.Current.CancellationToken);

            Assert.DoesNotContain(appHost.Resources, r => r.Name == "telegram-simulator");
            Assert.True(appHost.Resources.OfType<ParameterResource>().Single(p => p.Name == "telegram-bot-token").Secret);
            var bot = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "botservice");
            // What the bot's environment callbacks put there: literal settings as they are, the token as its secret parameter.
            var environment = new Dictionary<string, object>();
            var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), bot, environment, TestContext.Current.CancellationToken);
            foreach (var callback in bot.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(context);
            }

            Assert.Equal("http://127.0.0.1:8081", environment["Telegram__ApiBaseUrl"]);
            Assert.Equal("telegram-bot-token", Assert.IsType<ParameterResource>(environment["Telegram__BotToken"]).Name);
            Assert.Equal("42,43", environment["Telegram__Admins"]);
            // DMarket for its users' own accounts: the address, never the scanner's keys.
            Assert.True(environment.ContainsKey("DMarket__BaseUrl"));
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("DMarket__", StringComparison.Ordinal) && k.EndsWith("Key", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
