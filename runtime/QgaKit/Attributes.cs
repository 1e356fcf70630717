using System;

namespace QgaKit;

/// <summary>
/// Declares a hook type: an enum whose members are the arguments the hook executable is run with.
/// The generator emits the class <c>&lt;Name&gt;Hook</c> (PascalCase of the dash-separated name) in the enum's
/// namespace, and the agent gets the options <c>--NAME-hook[=PATH]</c> and config key <c>NAME-hook</c>.
/// </summary>
/// <example><c>[Hook("fsfreeze", DefaultPath = "/etc/qemu/fsfreeze-hook")] public enum FsfreezeHookArg { [HookArgument("thaw")] Thaw, [HookArgument("freeze")] Freeze }</c></example>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
public sealed class HookAttribute : Attribute
{
    public HookAttribute(string name) => Name = name;

    /// <summary>The hook's name; matches <c>^[a-z][a-z0-9]*(-[a-z0-9]+)*$</c>.</summary>
    public string Name { get; }

    /// <summary>The path used by <c>--NAME-hook</c> without an argument; <c>/etc/qemu/NAME-hook</c> when not set.</summary>
    public string? DefaultPath { get; set; }
}

/// <summary>The argument string the hook executable receives for this enum member (argv[1]).</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class HookArgumentAttribute : Attribute
{
    public HookArgumentAttribute(string argument) => Argument = argument;

    public string Argument { get; }
}

/// <summary>
/// Makes a method of a <c>partial</c> class a QGA command. Parameters bind from the request's
/// <c>arguments</c> by kebab-case name; the return value becomes <c>return</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class QgaCommandAttribute : Attribute
{
    public QgaCommandAttribute(string name) => Name = name;

    /// <summary>The command's wire name, e.g. <c>guest-backup-prepare</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the command may run while filesystems are frozen (qemu-ga's freeze allow-list).</summary>
    public bool AllowedWhileFrozen { get; set; }

    /// <summary>When false, a successful call sends no reply at all (like guest-shutdown); errors are still sent.</summary>
    public bool SuccessResponse { get; set; } = true;
}

/// <summary>Overrides the wire name of a parameter, property or enum member.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class QgaNameAttribute : Attribute
{
    public QgaNameAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary>
/// Marks a runtime type that the agent creates once and that generated code may inject into
/// command-class and hook constructors (logger, freezer, options, hook host, …).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AgentServiceAttribute : Attribute
{
}
