namespace Aspire.Hosting.ApplicationModel;

/// <summary>The dashboard's resource commands (Aspire's names).</summary>
public static class KnownResourceCommands
{
    public const string StartCommand = "resource-start";
    public const string StopCommand = "resource-stop";
    public const string RestartCommand = "resource-restart";
}
