using System.Collections.Generic;
using System.Threading;

namespace QgaKit.Dispatch;

/// <summary>
/// The process-wide list of generated modules, filled by module initializers before <c>Main</c> runs. The
/// runtime's own module (the built-in commands) registers first, because touching this type runs the runtime
/// assembly's module initializer before any caller's.
/// </summary>
public static class QgaModules
{
    private static readonly List<IQgaModule> s_modules = new();
    private static readonly Lock s_lock = new();

    public static void Register(IQgaModule module)
    {
        lock (s_lock)
        {
            if (!s_modules.Contains(module))
            {
                s_modules.Add(module);
            }
        }
    }

    /// <summary>A snapshot of the registered modules in registration order.</summary>
    public static IReadOnlyList<IQgaModule> All
    {
        get
        {
            lock (s_lock)
            {
                return s_modules.ToArray();
            }
        }
    }
}
