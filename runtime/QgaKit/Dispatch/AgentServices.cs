using System;
using System.Collections.Generic;

namespace QgaKit.Dispatch;

/// <summary>
/// The agent's singletons (logger, options, freezer, hook host, hook instances, command-class instances), looked
/// up by type for generated constructor injection. A dictionary keyed by <see cref="Type"/>: no reflection, AOT-safe.
/// </summary>
public sealed class AgentServices
{
    private readonly Dictionary<Type, object> _services = new();

    public void Add<T>(T instance)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(instance);
        _services[typeof(T)] = instance;
    }

    public bool TryGet<T>(out T? instance)
        where T : class
    {
        if (_services.TryGetValue(typeof(T), out var value))
        {
            instance = (T)value;
            return true;
        }

        instance = null;
        return false;
    }

    /// <summary>Returns the instance of <typeparamref name="T"/>, or throws naming the missing type.</summary>
    public T GetRequired<T>()
        where T : class
        => TryGet<T>(out var instance)
            ? instance!
            : throw new InvalidOperationException($"The agent has no service of type '{typeof(T).FullName}'.");
}
