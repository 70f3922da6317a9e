using System.Diagnostics;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// A resource's process, started through <c>setsid</c> so it leads a process group of its own: Ctrl+C in the terminal
/// reaches only the AppHost, which then stops resources in dependency order, and a stop reaches the resource's own
/// children too (PostgreSQL's backends, the Garnet behind <c>dotnet tool run</c>).
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly string? SetSid = ExecutableFinder.Find("setsid");

    private readonly Process _process;
    private readonly int _stopSignal;

    private ChildProcess(Process process, int stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Whether the process leads its own group (false only where setsid is missing).</summary>
    public bool OwnsGroup { get; private init; }

    public static ChildProcess Start(LaunchSpec spec, Action<string, bool> onOutput)
    {
        var ownsGroup = SetSid is not null && !OperatingSystem.IsWindows();
        var startInfo = new ProcessStartInfo(ownsGroup ? SetSid! : spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory,
        };
        if (ownsGroup)
        {
            startInfo.ArgumentList.Add(spec.FileName);
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onOutput(e.Data, false); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { onOutput(e.Data, true); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, spec.StopSignal) { OwnsGroup = ownsGroup };
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The resource's own stop signal, then SIGKILL to the whole group after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            Signal(_stopSignal);
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Signal(Signals.SigKill);
                await _process.WaitForExitAsync();
            }
        }

        // Whatever the leader left behind in its group goes too.
        if (OwnsGroup && Signals.GroupExists(_process.Id))
        {
            Signals.SendToGroup(_process.Id, Signals.SigKill);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Signal(Signals.SigKill);
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }

        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (OwnsGroup)
        {
            Signals.SendToGroup(_process.Id, signal);
        }
        else if (signal == Signals.SigKill)
        {
            _process.Kill(entireProcessTree: true);
        }
        else
        {
            Signals.Send(_process.Id, signal);
        }
    }
}
