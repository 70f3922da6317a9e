using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;

namespace DMarketAspire.Tests.AppHost;

/// <summary>The app model's rules: names, stop order, generated secrets, and what a failed migration does to its dependents.</summary>
public sealed class HostingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ResourceNamesFollowAspiresRules()
    {
        var builder = NewBuilder(out var data);
        try
        {
            builder.AddRedis("cache");
            Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("Cache"));
            Assert.Throws<ArgumentException>(() => builder.AddRedis("1cache"));
            Assert.Throws<ArgumentException>(() => builder.AddRedis("ca--che"));
            Assert.Throws<ArgumentException>(() => builder.AddRedis("cache-"));
            Assert.Throws<ArgumentException>(() => builder.AddRedis(new string('a', 65)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void ServicesStopBeforeWhatTheyUseAndDatabasesCountAsTheirServer()
    {
        var builder = NewBuilder(out var data);
        try
        {
            var postgres = builder.AddPostgres("postgres");
            var db = postgres.AddDatabase("db");
            var cache = builder.AddRedis("cache");
            var migrations = builder.AddProject<MigrationServiceProject>("migrations").WithReference(db).WaitFor(db);
            var api = builder.AddProject<MigrationServiceProject>("api").WithReference(db).WithReference(cache).WaitForCompletion(migrations);
            var waves = ResourceDependencies.StopWaves([postgres.Resource, cache.Resource, migrations.Resource, api.Resource]);
            Assert.Equal([["api"], ["cache", "migrations"], ["postgres"]], waves.Select(w => w.Select(r => r.Name).Order().ToArray()).ToArray());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void GeneratedPasswordsHaveEveryCharacterClassAskedForAndAreKeptWithTheData()
    {
        var data = Directory.CreateTempSubdirectory("params-").FullName;
        try
        {
            var store = new ParameterStore(data);
            var password = store.GetOrCreate("postgres-password", new GenerateParameterDefault());
            Assert.True(password.Length >= 22);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
            Assert.DoesNotContain(password, c => c is ';' or ',' or '=' or '"' or '\'' or ' ');
            Assert.All(Enumerable.Range(0, 50).Select(_ => ParameterStore.Generate(new GenerateParameterDefault(Special: false))), p => Assert.All(p, c => Assert.True(char.IsLetterOrDigit(c))));
            Assert.Equal(password, new ParameterStore(data).GetOrCreate("postgres-password", new GenerateParameterDefault()));
            Assert.NotEqual(password, store.GetOrCreate("cache-password", new GenerateParameterDefault()));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "parameters.json")));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task AServiceWaitingForAMigrationThatFailsFailsToStartAndSaysWhy()
    {
        // The migration step without a connection string exits non-zero; the service waiting for it must not start.
        var builder = NewBuilder(out _);
        var migrations = builder.AddProject<MigrationServiceProject>("migrations");
        builder.AddProject<MigrationServiceProject>("service").WaitForCompletion(migrations);
        await using var app = builder.Build();
        await app.StartAsync(Ct);

        var waiting = await app.ResourceNotifications.WaitForResourceAsync("service", KnownResourceStates.Waiting, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal("Waiting for migrations to complete", waiting.Snapshot.Message);
        var failed = await app.ResourceNotifications.WaitForResourceAsync("service", KnownResourceStates.FailedToStart, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var migration = app.ResourceNotifications.GetCurrent("migrations").Single().Snapshot;
        Assert.Equal(KnownResourceStates.Exited, migration.State);
        Assert.NotEqual(0, migration.ExitCode);
        Assert.Contains("waits for 'migrations' to complete with exit code 0", failed.Snapshot.Message);
        Assert.Contains(app.ResourceLogs.GetLines("migrations"), l => l.Content.Contains("ConnectionStrings__dmarketdb", StringComparison.Ordinal));
        Assert.Null(failed.Snapshot.ProcessId);
    }

    private static IDistributedApplicationBuilder NewBuilder(out string data)
    {
        data = Directory.CreateTempSubdirectory("hosting-").FullName;
        return DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Assembly = typeof(Projects.DMarketAspire_AppHost).Assembly,
            EnableConsoleReporter = false,
            RandomizePorts = true,
            DataDirectory = data,
            DeleteDataDirectoryOnDispose = true,
        });
    }

    private sealed class MigrationServiceProject : IProjectMetadata
    {
        public string ProjectPath { get; } = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(new Projects.DMarketAspire_AppHost().ProjectPath))!,
            "MigrationService", "DMarketAspire.MigrationService.csproj");
    }
}
