using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// Puts a local executable in a container resource's place: the container leaves the model (nothing asks for a
/// container runtime), the executable takes its name, and each endpoint the executable is given is mirrored onto the
/// container's endpoint of the same name, so everything that references the container resource (connection strings,
/// <c>WithReference</c>'s connection properties, child databases) resolves to the running process.
/// </summary>
internal static class LocalResourceRealization
{
    public static IResourceBuilder<TLocal> Replace<TLocal>(IDistributedApplicationBuilder builder, ContainerResource container, TLocal local)
        where TLocal : ExecutableResource
    {
        builder.Resources.Remove(container);

        // The container's checks wait for its own events, which never come; children inherit them, so they go too.
        foreach (var check in container.Annotations.OfType<HealthCheckAnnotation>().ToList())
        {
            container.Annotations.Remove(check);
        }

        var localBuilder = builder.AddResource(local);
        foreach (var endpoint in container.Annotations.OfType<EndpointAnnotation>())
        {
            // The container's port is what people connect to; its target port is the image's. The process gets its own.
            localBuilder.WithEndpoint(port: endpoint.Port, scheme: endpoint.UriScheme, name: endpoint.Name, isProxied: true);
        }

        builder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(local, (_, _) =>
        {
            foreach (var allocated in local.Annotations.OfType<EndpointAnnotation>())
            {
                var mirror = container.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == allocated.Name);
                if (allocated.AllocatedEndpoint is { } value && mirror.AllocatedEndpoint is null)
                {
                    mirror.AllocatedEndpoint = new AllocatedEndpoint(mirror, value.Address, value.Port, value.BindingMode, value.TargetPortExpression);
                }
            }

            return Task.CompletedTask;
        });

        // WaitFor on a child (a database) also waits for its parent: point those waits, and the relationships the
        // dashboard draws, at the process that stands for the container.
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var resource in @event.Model.Resources)
            {
                Redirect(resource, container, local);
            }

            return Task.CompletedTask;
        });

        return localBuilder;
    }

    private static void Redirect(IResource resource, ContainerResource container, IResource local)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>().Where(w => w.Resource == container).ToList())
        {
            resource.Annotations.Remove(wait);
            resource.Annotations.Add(new WaitAnnotation(local, wait.WaitType, wait.ExitCode) { WaitBehavior = wait.WaitBehavior });
        }

        foreach (var relationship in resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Resource == container).ToList())
        {
            resource.Annotations.Remove(relationship);
            resource.Annotations.Add(new ResourceRelationshipAnnotation(local, relationship.Type));
        }
    }

    /// <summary>Whether the container keeps its data across runs (<c>WithDataVolume()</c> or a bind mount).</summary>
    public static bool HasPersistentData(ContainerResource container) =>
        container.Annotations.OfType<ContainerMountAnnotation>().Any();
}
