using System.Runtime.InteropServices;

namespace Aspire.Hosting.Orchestration;

/// <summary>POSIX signals for graceful stops; .NET's Process.Kill only knows SIGKILL.</summary>
internal static class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>Signals a whole process group (every resource runs in a session of its own).</summary>
    public static bool SendToGroup(int processGroupId, int signal) => Kill(-processGroupId, signal) == 0;

    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    /// <summary>Whether a process or group still exists (signal 0 probes without signalling).</summary>
    public static bool GroupExists(int processGroupId) => Kill(-processGroupId, 0) == 0;

    // DllImport, not [LibraryImport]: coverlet cannot instrument an assembly with generated sources here; int → int
    // needs no marshalling either way.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
