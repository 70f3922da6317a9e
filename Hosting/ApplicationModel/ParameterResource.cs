namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A value supplied from configuration (<c>Parameters:{name}</c>, user secrets, environment) or generated once and kept;
/// a secret one is never printed. Published as <c>parameter.v0</c> for the deployment tool to ask for or generate.
/// </summary>
public sealed class ParameterResource(string name, Func<string?> valueGetter, bool secret) : Resource(name), IValueProvider, IManifestExpressionProvider
{
    private readonly Lazy<string?> _value = new(valueGetter);

    public bool Secret { get; } = secret;

    /// <summary>How a deployment generates the value when nobody supplies one; null means it must be supplied.</summary>
    public GenerateParameterDefault? Generate { get; init; }

    /// <summary>The configuration key read in run mode.</summary>
    public string ConfigurationKey { get; init; } = $"Parameters:{name}";

    public string Value => _value.Value ?? throw new MissingParameterValueException(
        $"Parameter '{Name}' has no value. Set configuration key '{ConfigurationKey}' (user secrets, appsettings or the environment variable '{ConfigurationKey.Replace(":", "__", StringComparison.Ordinal)}').");

    public string ValueExpression => $"{{{Name}.value}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Value);
}

/// <summary>The manifest's <c>default.generate</c> block.</summary>
public sealed record GenerateParameterDefault(int MinLength = 22, bool Lower = true, bool Upper = true, bool Numeric = true, bool Special = true);

public sealed class MissingParameterValueException(string message) : DistributedApplicationException(message);
