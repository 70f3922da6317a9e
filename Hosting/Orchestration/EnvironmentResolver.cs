using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>Runs a resource's environment callbacks and turns the values into strings (run mode) or expressions (manifest).</summary>
internal sealed class EnvironmentResolver(DistributedApplicationExecutionContext executionContext)
{
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(IResource resource, int replicaIndex, CancellationToken cancellationToken)
    {
        var context = new EnvironmentCallbackContext(executionContext, replicaIndex);
        foreach (var annotation in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in context.EnvironmentVariables)
        {
            resolved[name] = executionContext.IsPublishMode
                ? value switch
                {
                    string text => text,
                    IManifestExpressionProvider expression => expression.ValueExpression,
                    _ => value.ToString() ?? string.Empty,
                }
                : value switch
                {
                    string text => text,
                    IValueProvider provider => await provider.GetValueAsync(cancellationToken) ?? string.Empty,
                    _ => value.ToString() ?? string.Empty,
                };
        }

        return resolved;
    }
}
