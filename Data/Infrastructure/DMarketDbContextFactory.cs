using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DMarketAspire.Data.Infrastructure;

/// <summary>
/// How <c>dotnet ef migrations add</c> builds the model: no database is contacted, so any PostgreSQL connection string
/// will do. At run time the services get theirs from <c>ConnectionStrings:dmarketdb</c>.
/// </summary>
internal sealed class DMarketDbContextFactory : IDesignTimeDbContextFactory<DMarketDbContext>
{
    public DMarketDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DMarketDbContext>().UseNpgsql("Host=localhost;Database=dmarketdb").Options);
}
