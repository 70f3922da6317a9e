using System.Text;
using DMarketAspire.Domain;
using Microsoft.EntityFrameworkCore;

namespace DMarketAspire.Infrastructure;

/// <summary>
/// The app's PostgreSQL model. Migrations are written by hand in <c>Infrastructure/Migrations</c> (the EF design-time
/// package is not served here); <c>MigrationsMatchTheModel</c> in the tests proves they build exactly this model.
/// </summary>
public sealed class DMarketDbContext(DbContextOptions<DMarketDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "dmarketdb";

    public DbSet<Item> Items => Set<Item>();

    public DbSet<PriceSnapshot> PriceSnapshots => Set<PriceSnapshot>();

    public DbSet<Sale> Sales => Set<Sale>();

    public DbSet<Fee> Fees => Set<Fee>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<OpportunityEvent> OpportunityEvents => Set<OpportunityEvent>();

    public DbSet<Scan> Scans => Set<Scan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DMarketDbContext).Assembly);

        // PostgreSQL's own convention: snake_case names, so hand-written SQL and psql read naturally.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
