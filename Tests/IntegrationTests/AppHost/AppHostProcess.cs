using System.Collections.Concurrent;
using System.Diagnostics;
using DMarketAspire.IntegrationTests.Infrastructure;

namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary>The built AppHost as a real process (<c>dotnet DMarketAspire.AppHost.dll</c>), as a person or azd runs it.</summary>
public sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output => string.Join(Environment.NewLine, _output);

    public static string AssemblyPath
    {
        get
        {
            // Aspire's generated metadata names the AppHost's folder (a project resource's names its .csproj).
            var projectDirectory = Projects.DMarketAspire_AppHost.ProjectPath;
            var configuration = typeof(AppHostProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
            return Path.Combine(projectDirectory, "bin", configuration, "net10.0", "DMarketAspire.AppHost.dll");
        }
    }

    /// <summary>
    /// What <c>dotnet run --project AppHost</c> gives a newcomer (the <c>http</c> launch profile: Development, the
    /// dashboard over plain HTTP), on free ports so it can run beside a developer's own AppHost.
    /// </summary>
    public static Dictionary<string, string> LaunchProfileEnvironment(string dataDirectory) => new()
    {
        ["AppHost__DataDirectory"] = dataDirectory,
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_URLS"] = $"http://localhost:{FreePort.Next()}",
        ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}",
        ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}",
        ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        ["DcpPublisher__RandomizePorts"] = "true",
    };

    /// <summary>The URL a summary line <c>name  label  url</c> gives, once the AppHost printed it.</summary>
    public string SummaryUrl(string name, string label) => _output
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .First(words => words.Length >= 3 && words[0] == name && string.Join(' ', words[1..^1]) == label)[^1];

    public static AppHostProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var host = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { host._output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { host._output.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout && !_process.HasExited)
        {
            if (_output.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return _output.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Every process the AppHost started and that runs now (DCP, services, servers, PostgreSQL's backends).</summary>
    public IReadOnlyList<int> Descendants() => ProcFs.StartedBy(Id);

    public void Signal(int signal) => Aspire.Hosting.Signals.Send(Id, signal);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
