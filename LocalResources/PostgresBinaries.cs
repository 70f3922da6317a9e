namespace Aspire.Hosting;

/// <summary>
/// The machine's PostgreSQL binaries and how to run them. PostgreSQL refuses to run as root, so as root they run as the
/// <c>postgres</c> user through setpriv (which execs in place: the process started is the program itself).
/// </summary>
public static class PostgresBinaries
{
    public const string SystemUser = "postgres";

    private static readonly string[] Folders = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).ToArray()
        : [];

    public static bool RunAsSystemUser => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    /// <summary>The full path of <paramref name="binary"/> (<c>initdb</c>, <c>postgres</c>), or an exception that says how to install it.</summary>
    public static string Find(string binary) => ExecutableFinder.Find(binary, Folders) ?? throw new DistributedApplicationException(
        $"PostgreSQL's '{binary}' was found neither on PATH nor in /usr/lib/postgresql/*/bin. Install the server (Debian: apt-get install -y postgresql).");

    /// <summary>A cluster whose superuser <paramref name="userName"/> logs in with the password in <paramref name="passwordFile"/> (scram-sha-256).</summary>
    public static string[] InitdbArguments(string dataDirectory, string userName, string passwordFile) =>
        ["-D", dataDirectory, "-U", userName, "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"];

    /// <summary>The command line that runs <paramref name="fileName"/> as the postgres user when this process is root, unchanged otherwise.</summary>
    public static (string FileName, string[] Arguments) AsSystemUser(string fileName, IEnumerable<string> arguments) => RunAsSystemUser
        ? ("setpriv", ["--reuid", SystemUser, "--regid", SystemUser, "--init-groups", "--", fileName, .. arguments])
        : (fileName, [.. arguments]);
}
