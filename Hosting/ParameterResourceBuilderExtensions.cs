using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A parameter read from <c>Parameters:{name}</c> (appsettings, user secrets, <c>Parameters__{name}</c>).</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddParameterFromConfiguration(name, $"Parameters:{name}", secret);

    /// <summary>A parameter read from any configuration key, e.g. <c>DMarket:SecretKey</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameterFromConfiguration(this IDistributedApplicationBuilder builder, string name, string configurationKey, bool secret = false)
    {
        var configuration = builder.Configuration;
        return builder.AddResource(new ParameterResource(name, () => configuration[configurationKey] is { Length: > 0 } value ? value : null, secret)
        {
            ConfigurationKey = configurationKey,
        });
    }

    /// <summary>
    /// A password: <c>Parameters:{name}</c> when configured, else generated on first run and kept in the data folder;
    /// in the manifest, a secret the deployment tool generates.
    /// </summary>
    internal static ParameterResource CreateGeneratedParameter(IDistributedApplicationBuilder builder, string name, GenerateParameterDefault generate)
    {
        var configuration = builder.Configuration;
        var store = ((builder as DistributedApplicationBuilder) ?? throw new NotSupportedException("Generated parameters need the AppHost's own builder.")).ParameterStore;
        var parameter = new ParameterResource(name, () => configuration[$"Parameters:{name}"] is { Length: > 0 } value ? value : store.GetOrCreate(name, generate), secret: true)
        {
            Generate = generate,
        };
        builder.AddResource(parameter);
        return parameter;
    }
}
