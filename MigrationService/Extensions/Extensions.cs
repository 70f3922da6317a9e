using DMarketAspire.Infrastructure;

namespace DMarketAspire.MigrationService.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DMarketDbContext>(DMarketDbContext.ConnectionName, configureDbContextOptions: DMarketDbContextOptions.Configure);
        builder.Services.AddHostedService<MigrationWorker>();
    }
}
