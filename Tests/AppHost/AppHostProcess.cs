using System.Collections.Concurrent;
using System.Diagnostics;
using DMarketAspire.Tests.Infrastructure;

namespace DMarketAspire.Tests.AppHost;

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
            var projectDirectory = Path.GetDirectoryName(new Projects.DMarketAspire_AppHost().ProjectPath)!;
            var configuration = typeof(AppHostProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
            return Path.Combine(projectDirectory, "bin", configuration, "net10.0", "DMarketAspire.AppHost.dll");
        }
    }

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

    /// <summary>Every process below the AppHost right now (services, servers, PostgreSQL's backends).</summary>
    public IReadOnlyList<int> Descendants() => ProcFs.Descendants(Id);

    public void Signal(int signal) => Aspire.Hosting.Orchestration.Signals.Send(Id, signal);

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
