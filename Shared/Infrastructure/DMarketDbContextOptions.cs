using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DMarketAspire.Infrastructure;

public static class DMarketDbContextOptions
{
    /// <summary>
    /// The migrations are hand-written and ship no model snapshot, so EF would call every model "pending changes";
    /// the test MigrationsMatchTheModel checks that instead, schema against schema.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
}
