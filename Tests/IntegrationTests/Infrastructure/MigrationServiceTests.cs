using DMarketAspire.MigrationService.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.Infrastructure;

public sealed class MigrationServiceTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task TheMigrationStepMigratesAnEmptyDatabaseAndStopsByItself()
    {
        var connectionString = await infrastructure.Postgres.CreateDatabaseAsync("migration_step");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:dmarketdb"] = connectionString;
        builder.AddServiceDefaults();
        builder.AddApplicationServices();
        using var host = builder.Build();

        // Run completes only because the step stops the application when it is done.
        await host.RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        await using var db = SchemaTests.NewContext(connectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, Environment.ExitCode);
    }
}
