using System.ComponentModel.DataAnnotations;

namespace Aspire.Hosting;

/// <summary>Bound from <c>AppHost:Backups</c>: when the daily backup runs and how many are kept.</summary>
public sealed class PostgresBackupOptions
{
    public const string SectionName = "AppHost:Backups";

    /// <summary>Off: no daily backup (the dashboard's "Back up now" still works).</summary>
    public bool Daily { get; set; } = true;

    /// <summary>The hour of the day, in the machine's time zone, at which the daily backup runs.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 4;

    [Range(1, 1000)]
    public int Keep { get; set; } = 7;

    /// <summary>Where the backups go; default: <c>backups</c> in the AppHost's data folder.</summary>
    public string? Folder { get; set; }

    /// <summary>
    /// A backup to restore when the database is first created (a fresh data folder), before the migration step runs.
    /// Ignored, with a warning, when the database already has tables: a restore never overwrites data.
    /// </summary>
    public string? RestoreFrom { get; set; }
}
