using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DMarketAspire.Scanner.Infrastructure;

/// <summary>
/// The fresh pass and the sweeps insert the same new listing now and then; the loser tries again (OpportunityStore), so
/// EF's own error entries for the failed insert were red noise in the dashboard a few times a minute. EF's entries go to
/// Debug, and <see cref="UnretriedFailureInterceptor"/> logs at Error every failure but that conflict.
/// </summary>
public static class RetriedConflictLogging
{
    public static TBuilder QuietRetriedConflicts<TBuilder>(this TBuilder options)
        where TBuilder : DbContextOptionsBuilder
    {
        options.ConfigureWarnings(warnings => warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));
        options.AddInterceptors(UnretriedFailureInterceptor.Instance);
        return options;
    }
}
