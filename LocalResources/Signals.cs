using System.Runtime.InteropServices;

namespace Aspire.Hosting;

/// <summary>POSIX signals for graceful stops; .NET's Process.Kill only knows SIGKILL.</summary>
public static class Signals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    // DllImport, not [LibraryImport]: coverlet cannot instrument an assembly with generated sources here.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
