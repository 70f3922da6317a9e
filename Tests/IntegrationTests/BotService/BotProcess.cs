using System.Reflection;
using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.BotService;

/// <summary>The built BotService as a real process, so a test can kill it with SIGKILL as an OOM killer or a node loss would.</summary>
public static class BotProcess
{
    public static string AssemblyPath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DMarketAspire.sln")))
            {
                directory = directory.Parent;
            }

            var configuration = typeof(BotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("No DMarketAspire.sln above the test output."), "BotService", "bin", configuration, "net10.0", "DMarketAspire.BotService.dll");
        }
    }

    public static ServerProcess Start(IEnumerable<(string Key, string Value)> settings) =>
        ServerProcess.Start(
            "dotnet",
            [AssemblyPath, "--urls", "http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")],
            Path.GetDirectoryName(AssemblyPath));
}
