namespace Aspire.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>The assembly whose metadata names the AppHost folder; defaults to the entry assembly.</summary>
    public System.Reflection.Assembly? Assembly { get; set; }

    /// <summary>Print the resource table and every resource's console output in the terminal.</summary>
    public bool EnableConsoleReporter { get; set; } = true;

    /// <summary>Ignore ports from launch profiles and <c>port:</c> arguments: every endpoint gets a free port (tests).</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Where PostgreSQL's cluster and generated parameters live; defaults to <c>.data</c> in the AppHost folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Delete <see cref="DataDirectory"/> when the application is disposed (the testing builder's scratch folder).</summary>
    public bool DeleteDataDirectoryOnDispose { get; set; }
}
