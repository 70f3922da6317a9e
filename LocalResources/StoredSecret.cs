namespace Aspire.Hosting;

/// <summary>
/// A generated secret kept in a file readable by its owner only, beside the data it protects: a PostgreSQL cluster
/// keeps the password it was initialised with, whatever happens to the AppHost's user secrets.
/// </summary>
internal static class StoredSecret
{
    public static string GetOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var value = create();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created unreadable by others from the first byte, not chmod-ed afterwards.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(value);
        }

        return value;
    }
}
