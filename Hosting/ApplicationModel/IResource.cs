namespace Aspire.Hosting.ApplicationModel;

/// <summary>Something the app model runs, references or publishes: a server, a database, a project, a parameter.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
