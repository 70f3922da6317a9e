namespace Microsoft.Extensions.Hosting;

internal static class ConnectionStringMessages
{
    public static string Missing(string connectionName, string settingsSection) =>
        $"ConnectionString is missing. Set 'ConnectionStrings:{connectionName}' (environment variable " +
        $"ConnectionStrings__{connectionName}) or 'ConnectionString' in the '{settingsSection}' configuration section.";
}
