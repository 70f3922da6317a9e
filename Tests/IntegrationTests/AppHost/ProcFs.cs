using System.Globalization;

namespace DMarketAspire.IntegrationTests.AppHost;

/// <summary>What /proc says about processes: alive, parent, group, environment, command line, and who sits below whom.</summary>
public static class ProcFs
{
    // Fields of /proc/<pid>/stat after the ")" that ends the command name: state, ppid, pgrp.
    private const int StateField = 0;
    private const int ParentField = 1;
    private const int GroupField = 2;

    public static bool IsAlive(int pid) => StatFields(pid) is { } fields && fields[StateField] != "Z";

    public static int? ParentOf(int pid) => IntField(pid, ParentField);

    public static string CommandLine(int pid)
    {
        try
        {
            return $"{pid}: {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return pid.ToString(CultureInfo.InvariantCulture);
        }
    }

    public static Dictionary<string, string> EnvironmentOf(int pid) => File.ReadAllText($"/proc/{pid}/environ")
        .Split('\0', StringSplitOptions.RemoveEmptyEntries)
        .Select(v => v.Split('=', 2))
        .Where(p => p.Length == 2)
        .GroupBy(p => p[0])
        .ToDictionary(g => g.Key, g => g.Last()[1]);

    /// <summary>Every process in the groups these processes lead (PostgreSQL's backends, for instance).</summary>
    public static IReadOnlyList<int> GroupMembers(IReadOnlyCollection<int> leaders) =>
        AllProcesses().Where(pid => IntField(pid, GroupField) is { } group && leaders.Contains(group)).ToList();

    /// <summary>Every process below <paramref name="root"/>, at any depth.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = AllProcesses().Select(pid => (Pid: pid, Parent: ParentOf(pid))).Where(p => p.Parent is not null).ToList();
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Parent == parent).Select(p => p.Pid))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>
    /// What an AppHost started: its own children, and DCP, which detaches from it (its parent is init) and names the
    /// AppHost it serves with <c>--monitor &lt;pid&gt;</c>, with everything below DCP.
    /// </summary>
    public static IReadOnlyList<int> StartedBy(int appHost)
    {
        var monitor = $" --monitor {appHost.ToString(CultureInfo.InvariantCulture)} ";
        var dcp = AllProcesses().Where(pid => $"{CommandLine(pid)} ".Contains(monitor, StringComparison.Ordinal)).ToList();
        return [.. Descendants(appHost).Concat(dcp).Concat(dcp.SelectMany(Descendants)).Distinct()];
    }

    private static IEnumerable<int> AllProcesses() => Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
        .Where(pid => pid > 0);

    private static int? IntField(int pid, int field) =>
        StatFields(pid) is { } fields ? int.Parse(fields[field], CultureInfo.InvariantCulture) : null;

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
