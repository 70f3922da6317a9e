using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>Who depends on whom (waits, references, parents): services stop before what they use.</summary>
internal static class ResourceDependencies
{
    public static IReadOnlySet<IResource> Of(IResource resource)
    {
        var direct = new HashSet<IResource>();
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            direct.Add(wait.Resource);
        }

        foreach (var relationship in resource.Annotations.OfType<ResourceRelationshipAnnotation>())
        {
            direct.Add(relationship.Resource);
        }

        if (resource is IResourceWithParent<IResource> child)
        {
            direct.Add(child.Parent);
        }

        direct.Remove(resource);
        return direct;
    }

    /// <summary>Groups the resources so that each group only depends on later groups: the stop order.</summary>
    public static IReadOnlyList<IReadOnlyList<IResource>> StopWaves(IReadOnlyCollection<IResource> resources)
    {
        var closure = resources.ToDictionary(r => r, Transitive);
        var remaining = resources.ToHashSet();
        var waves = new List<IReadOnlyList<IResource>>();
        while (remaining.Count > 0)
        {
            var wave = remaining.Where(r => !remaining.Any(other => other != r && closure[other].Contains(r))).ToList();
            if (wave.Count == 0)
            {
                wave = [.. remaining];
            }

            waves.Add(wave);
            remaining.ExceptWith(wave);
        }

        return waves;
    }

    private static HashSet<IResource> Transitive(IResource resource)
    {
        var seen = new HashSet<IResource>();
        var pending = new Stack<IResource>(Of(resource));
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in Of(next))
                {
                    pending.Push(further);
                }
            }
        }

        return seen;
    }
}
