namespace Aspire.Hosting;

internal static class CommandLineArguments
{
    /// <summary>Appends strings and value providers (endpoint ports, parameters) alike.</summary>
    public static void AddAll(this IList<object> arguments, params IEnumerable<object> values)
    {
        foreach (var value in values)
        {
            arguments.Add(value);
        }
    }
}
