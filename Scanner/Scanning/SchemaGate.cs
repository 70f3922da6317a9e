using DMarketAspire.Data.Infrastructure;

namespace DMarketAspire.Scanner.Scanning;

/// <summary>Waits once, for every worker of the process, until the migration step has brought the schema up to date.</summary>
public sealed class SchemaGate(IServiceScopeFactory scopes, IOptions<ScannerOptions> options)
{
    private readonly Lazy<Task> _ready = new(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        await DMarketDbMigrator.WaitUntilMigratedAsync(scope.ServiceProvider.GetRequiredService<DMarketDbContext>(), options.Value.MigrationWait, CancellationToken.None);
    });

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Value.WaitAsync(cancellationToken);
}
