namespace DMarketAspire.Tests.Infrastructure;

public static class Executables
{
    /// <summary>The full path of <paramref name="name"/> on PATH or in one of <paramref name="extraFolders"/>, or null.</summary>
    public static string? Find(string name, params string[] extraFolders)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The folder holding the tool manifest, so <c>dotnet tool run</c> finds the repository's tools.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No .config/dotnet-tools.json above {AppContext.BaseDirectory}.");
    }
}
