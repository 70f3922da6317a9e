using Aspire.Hosting;

namespace DMarketAspire.IntegrationTests.Infrastructure;

public static class Executables
{
    /// <summary>The full path of <paramref name="name"/> on PATH or in one of <paramref name="extraFolders"/>, or null.</summary>
    public static string? Find(string name, params string[] extraFolders) => ExecutableFinder.Find(name, extraFolders);

    /// <summary>The folder holding the tool manifest, so <c>dotnet tool run</c> finds the repository's tools.</summary>
    public static string RepositoryRoot() => ExecutableFinder.ToolManifestRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No .config/dotnet-tools.json above {AppContext.BaseDirectory}.");
}
