using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.ConsoleReporting;

/// <summary>
/// The terminal's stand-in for the dashboard until the project has its own: every resource's console output,
/// prefixed with its name; the resource table (state, health, endpoints) whenever it changes; the links a newcomer
/// needs once everything is up; and commands typed on stdin (<c>restart scanner</c>, <c>stop api</c>, <c>status</c>).
/// </summary>
internal sealed class ConsoleReporter(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ResourceCommandService commands,
    DistributedApplicationModel model) : IHostedService
{
    private static readonly TimeSpan TableDebounce = TimeSpan.FromMilliseconds(400);
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Green, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkYellow, ConsoleColor.DarkMagenta];

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _console = new();
    private readonly Dictionary<string, ConsoleColor> _colors = [];
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private Task _work = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _work = Task.WhenAll(
            Task.Run(() => PrintLogsAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => PrintTableAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => ReadCommandsAsync(_stopping.Token), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _work.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Write(Table("stopped"));
    }

    private async Task PrintLogsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (resourceId, line) in logs.WatchAllAsync(cancellationToken))
            {
                lock (_console)
                {
                    Console.ForegroundColor = ColorOf(resourceId);
                    Console.Write($"{resourceId,-14}| ");
                    Console.ResetColor();
                    Console.WriteLine(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PrintTableAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        var watcher = Task.Run(async () =>
        {
            var seen = new Dictionary<string, (string, HealthStatus?)>();
            await foreach (var change in notifications.WatchAsync(cancellationToken))
            {
                // Health re-checks that find nothing new do not reprint the table.
                var now = (change.Snapshot.State, change.Snapshot.HealthStatus);
                if (!seen.TryGetValue(change.ResourceId, out var before) || before != now)
                {
                    seen[change.ResourceId] = now;
                    Interlocked.Exchange(ref changed, 1);
                }
            }
        }, CancellationToken.None);

        var announced = false;
        try
        {
            // Bursts of changes (a dozen resources starting) print one table, not a dozen.
            using var timer = new PeriodicTimer(TableDebounce);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (Interlocked.Exchange(ref changed, 0) == 0)
                {
                    continue;
                }

                Write(Table("resources"));
                if (!announced && AllUp())
                {
                    announced = true;
                    Write(Summary());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        await watcher.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ReadCommandsAsync(CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            return;
        }

        using var input = new StreamReader(Console.OpenStandardInput());
        while (!cancellationToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await input.ReadLineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (line is null)
            {
                return;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var reply = words switch
            {
                [] => null,
                ["status"] => Table("resources"),
                [var verb, var name] when verb is "start" or "stop" or "restart" => await RunCommandAsync(verb, name, cancellationToken),
                _ => "Commands: status | start <resource> | stop <resource> | restart <resource>",
            };
            if (reply is not null)
            {
                Write(reply);
            }
        }
    }

    private async Task<string> RunCommandAsync(string verb, string name, CancellationToken cancellationToken)
    {
        var result = await commands.ExecuteCommandAsync(name, $"resource-{verb}", cancellationToken);
        return result.Success ? $"{verb} {name}: done" : $"{verb} {name}: {result.ErrorMessage}";
    }

    private bool AllUp()
    {
        var all = Rows();
        return all.Count > 0 && all.All(e =>
            (e.Snapshot.State == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy) || e.Snapshot.State == KnownResourceStates.Finished);
    }

    private string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"All resources are up after {_sinceStart.Elapsed.TotalSeconds:F1} s.");
        foreach (var resource in model.Resources)
        {
            foreach (var url in notifications.GetCurrent(resource.Name).SelectMany(e => e.Snapshot.Urls).Where(u => u.Url.StartsWith("http", StringComparison.Ordinal)))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {resource.Name,-20} {url.Name,-12} {url.Url}");
            }
        }

        text.Append("Type 'status', 'restart <resource>', 'stop <resource>' or 'start <resource>'; Ctrl+C stops everything.");
        return text.ToString();
    }

    private string Table(string title)
    {
        var rows = Rows();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"── {title} {new string('─', 66 - title.Length)}");
        foreach (var row in rows)
        {
            var snapshot = row.Snapshot;
            var health = snapshot.HealthStatus?.ToString() ?? "-";
            var detail = snapshot.State switch
            {
                KnownResourceStates.Exited or KnownResourceStates.Finished when snapshot.ExitCode is { } code => $"exit code {code}",
                KnownResourceStates.Waiting or KnownResourceStates.FailedToStart => snapshot.Message ?? string.Empty,
                _ => snapshot.Urls.FirstOrDefault()?.Url ?? string.Empty,
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"  {row.ResourceId,-20} {snapshot.ResourceType,-10} {snapshot.State,-13} {health,-9} {detail}");
        }

        return text.Append(new string('─', 70)).ToString();
    }

    /// <summary>Every instance of every resource that runs or is created (parameters are neither).</summary>
    private List<ResourceEvent> Rows() =>
        model.Resources.Where(r => r is not ParameterResource).SelectMany(r => notifications.GetCurrent(r.Name)).ToList();

    private void Write(string text)
    {
        lock (_console)
        {
            Console.WriteLine(text);
        }
    }

    private ConsoleColor ColorOf(string resourceId)
    {
        if (!_colors.TryGetValue(resourceId, out var color))
        {
            color = Palette[_colors.Count % Palette.Length];
            _colors[resourceId] = color;
        }

        return color;
    }
}
