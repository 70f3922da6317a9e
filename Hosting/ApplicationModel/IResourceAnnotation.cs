namespace Aspire.Hosting.ApplicationModel;

/// <summary>Marks a type as metadata attached to a resource by the builder's fluent calls.</summary>
public interface IResourceAnnotation;
