using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// Whether container resources run as Aspire's containers or from the machine's binaries. <c>AppHost:ContainerRuntime</c>:
/// <c>auto</c> (default: containers when <c>docker info</c> or <c>podman info</c> answers), <c>none</c> (always local
/// binaries), <c>docker</c> or <c>podman</c> (always containers, through that runtime).
/// </summary>
public static class ContainerRuntimeChoice
{
    public const string ConfigurationKey = "AppHost:ContainerRuntime";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly Lazy<bool> AnyRuntimeAnswers = new(() => Answers("docker") || Answers("podman"));

    /// <summary>True when this run mode should start container resources as executables instead.</summary>
    public static bool RunsWithoutContainers(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return false;
        }

        var setting = builder.Configuration[ConfigurationKey]?.Trim().ToLowerInvariant();
        return setting switch
        {
            null or "" or "auto" => !AnyRuntimeAnswers.Value,
            "none" => true,
            "docker" or "podman" => false,
            _ => throw new DistributedApplicationException(
                $"{ConfigurationKey} is '{setting}'; use auto (the default), none, docker or podman."),
        };
    }

    /// <summary>A runtime answers when its client reaches a daemon: a client alone (no engine behind it) does not count.</summary>
    private static bool Answers(string client)
    {
        if (ExecutableFinder.Find(client) is not { } path)
        {
            return false;
        }

        var startInfo = new ProcessStartInfo(path, ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(startInfo)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
