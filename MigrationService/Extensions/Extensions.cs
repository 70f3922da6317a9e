using DMarketAspire.Data.Infrastructure;

namespace DMarketAspire.MigrationService.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DMarketDbContext>(DMarketDbContext.ConnectionName);
        builder.Services.AddHostedService<MigrationWorker>();
    }
}
