namespace Aspire.Hosting.ApplicationModel;

public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}
