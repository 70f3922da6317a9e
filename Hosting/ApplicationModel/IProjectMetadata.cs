namespace Aspire.Hosting;

/// <summary>
/// Generated at build time for each project the AppHost references (<c>Projects.DMarketAspire_Scanner</c>), as
/// Aspire's SDK does, so <c>AddProject&lt;T&gt;</c> knows where the project lives.
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
}
