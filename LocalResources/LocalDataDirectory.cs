using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// Where local resources keep their data: <c>AppHost:DataDirectory</c>, else <c>.data</c> beside the AppHost project
/// (git-ignored). Persistent data lives in <c>&lt;resource&gt;-data</c>, throwaway data in <c>run/</c>.
/// </summary>
public static class LocalDataDirectory
{
    public const string ConfigurationKey = "AppHost:DataDirectory";

    public static string Resolve(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration[ConfigurationKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, ".data"));

    /// <summary>A folder for <paramref name="resourceName"/>: kept across runs when <paramref name="persistent"/>, else new each run.</summary>
    public static string For(string root, string resourceName, bool persistent) => persistent
        ? Path.Combine(root, $"{resourceName}-data")
        : Path.Combine(root, "run", $"{resourceName}-{Guid.NewGuid():N}");
}
