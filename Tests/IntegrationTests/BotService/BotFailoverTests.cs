using DMarketAspire.Data.Domain;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.IntegrationTests.TelegramSimulator;
using StackExchange.Redis;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>
/// Two BotService processes; the leader is killed with SIGKILL mid-drain, twice, and restarted. Every notification is
/// shown at most once (counted at the simulator), and all but those caught between claim and record are shown.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class BotFailoverTests(InfrastructureFixture infrastructure, BotFailoverTests.Simulator simulator) : IClassFixture<BotFailoverTests.Simulator>
{
    private const int Users = 300;
    private const string NewOpportunity = "🔔 New opportunity";

    public sealed class Simulator : TelegramSimulatorFixture;

    [Fact]
    public async Task KillingTheLeaderMidDrainLosesNoUpdateAndShowsNoNotificationTwice()
    {
        var database = await BotSeed.DatabaseAsync(infrastructure);
        var prefix = $"test:failover:{Guid.NewGuid():N}:";
        using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.Redis.ConnectionString);
        var replicas = new Dictionary<string, ServerProcess>();
        ServerProcess StartReplica(string name) => replicas[name] = BotProcess.Start(BotHost.Settings(database, infrastructure.Redis.ConnectionString, simulator.Address, simulator.Token, prefix, name));

        try
        {
            StartReplica("a");
            StartReplica("b");
            await BotSeed.WaitForCheckpointAsync(database, TimeSpan.FromSeconds(60));

            var users = Enumerable.Range(500_000, Users).Select(i => (long)i).ToList();
            await BotSeed.AddUsersAsync(database, simulator.Http, users, ["a8db"], ["pro"]);
            await BotSeed.PlantAsync(database, redis, new BotSeed.Planted("a8db", "pro", "Failover Karambit | Doppler", 50_000, 25m));

            var kills = 0;
            foreach (var (threshold, replacement) in new[] { (60, "c"), (160, "d") })
            {
                await WaitForDeliveredAsync(users, threshold, TimeSpan.FromSeconds(60), database, replicas.Values);
                var leader = (string?)await redis.GetDatabase().StringGetAsync($"{prefix}lease:leader") ?? throw new InvalidOperationException("No leader.");
                replicas[leader].Dispose();
                replicas.Remove(leader);
                kills++;

                // Commands sent while no one leads are answered by the next leader.
                await simulator.SendAsync(600_000 + kills, "/help");
                StartReplica(replacement);
                await simulator.WaitForBotMessageAsync(600_000 + kills, m => m.Text.StartsWith("Commands", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            }

            // Done when nothing is pending or claimed: an abandoned claim turns Unconfirmed after the claim timeout.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            List<Notification> rows;
            while ((rows = await BotSeed.NotificationsAsync(database)).Any(n => n.Status is NotificationStatus.Pending or NotificationStatus.Sending))
            {
                Assert.True(DateTime.UtcNow < deadline, $"Still pending or sending: {rows.Count(n => n.Status is NotificationStatus.Pending or NotificationStatus.Sending)}.\n{string.Join("\n", replicas.Values.Select(r => r.RecentOutput))}");
                await Task.Delay(250, Ct);
            }

            var shown = (await simulator.SentAsync()).Where(s => s.Method == "sendMessage" && s.Text.StartsWith(NewOpportunity, StringComparison.Ordinal)).GroupBy(s => s.ChatId).ToDictionary(g => g.Key, g => g.ToList());
            Assert.All(shown, chat => Assert.Single(chat.Value));
            Assert.Equal(Users, rows.Count);
            var sent = rows.Where(n => n.Status == NotificationStatus.Sent).ToList();
            var unconfirmed = rows.Where(n => n.Status == NotificationStatus.Unconfirmed).ToList();
            Assert.Equal(Users, sent.Count + unconfirmed.Count);
            Assert.All(sent, n => Assert.Equal(shown[n.UserId].Single().MessageId, n.TelegramMessageId));
            Assert.True(unconfirmed.Count <= kills, $"{unconfirmed.Count} unconfirmed after {kills} kills: only a send caught between claim and record may be.");
            var lost = users.Count(u => !shown.ContainsKey(u));
            TestContext.Current.TestOutputHelper?.WriteLine($"{Users} notifications, {kills} leader kills: {sent.Count} sent and recorded, {unconfirmed.Count} unconfirmed ({unconfirmed.Count - lost} of them shown), {lost} not shown, 0 shown twice.");
        }
        finally
        {
            foreach (var replica in replicas.Values)
            {
                await replica.StopAsync(TimeSpan.FromSeconds(10));
                replica.Dispose();
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> notifications were shown; if they are not, says where they are and what the replicas logged.</summary>
    private async Task WaitForDeliveredAsync(List<long> users, int count, TimeSpan timeout, string database, IEnumerable<ServerProcess> replicas)
    {
        var set = users.ToHashSet();
        var deadline = DateTime.UtcNow + timeout;
        int shown;
        while ((shown = (await simulator.SentAsync()).Count(s => set.Contains(s.ChatId) && s.Text.StartsWith(NewOpportunity, StringComparison.Ordinal))) < count)
        {
            if (DateTime.UtcNow >= deadline)
            {
                var rows = await BotSeed.NotificationsAsync(database);
                var statuses = string.Join(", ", rows.GroupBy(n => n.Status).Select(g => $"{g.Key} {g.Count()}"));
                Assert.Fail($"{shown} of {count} notifications shown in {timeout}; notification rows: {rows.Count} ({statuses}).\n"
                    + string.Join("\n", replicas.Select(r => r.RecentOutput)));
            }

            await Task.Delay(50, Ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
