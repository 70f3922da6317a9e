namespace Aspire.Hosting;

/// <summary>Finds programs the way a shell would, plus a few well-known folders.</summary>
public static class ExecutableFinder
{
    /// <summary>The full path of <paramref name="name"/> on PATH or in one of <paramref name="extraFolders"/>, or null.</summary>
    public static string? Find(string name, params IEnumerable<string> extraFolders) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds a .NET tool manifest.</summary>
    public static string? ToolManifestRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
