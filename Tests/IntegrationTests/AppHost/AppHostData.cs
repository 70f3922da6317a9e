namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary>Scratch data folders for AppHost runs, and the check that a stopped AppHost left no process behind.</summary>
public static class AppHostData
{
    /// <summary>A new folder the <c>postgres</c> user can enter (as root, PostgreSQL runs as that user).</summary>
    public static string CreateFolder()
    {
        var data = Directory.CreateTempSubdirectory("apphost-data-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return data;
    }

    /// <summary>The processes still alive after <paramref name="within"/> (DCP stops what it started asynchronously).</summary>
    public static async Task<IReadOnlyList<int>> SurvivorsAsync(IEnumerable<int> processes, TimeSpan within)
    {
        var watched = processes.Distinct().ToList();
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var survivors = watched.Where(ProcFs.IsAlive).ToList();
            if (survivors.Count == 0 || DateTime.UtcNow > deadline)
            {
                return survivors;
            }

            await Task.Delay(250);
        }
    }
}
