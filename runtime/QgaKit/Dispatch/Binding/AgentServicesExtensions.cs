using System;

namespace QgaKit.Dispatch.Binding;

/// <summary>What generated modules use to create hook and command-class instances once per agent.</summary>
public static class AgentServicesExtensions
{
    /// <summary>The registered <typeparamref name="T"/>, or a new one from <paramref name="create"/>, registered.
    /// Another assembly's module may already have created it (hook classes are shared).</summary>
    public static T GetOrAdd<T>(AgentServices services, Func<AgentServices, T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        if (services.TryGet<T>(out var existing))
        {
            return existing!;
        }

        var created = create(services);
        services.Add(created);
        return created;
    }
}
