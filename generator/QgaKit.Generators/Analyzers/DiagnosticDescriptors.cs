using Microsoft.CodeAnalysis;

namespace QgaKit.Generators.Analyzers;

/// <summary>Every diagnostic of the kit. IDs are stable; docs/diagnostics.md explains each one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "QgaKit";
    private const string HelpBase = "https://github.com/qgakit/qgakit/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "QGA0001", "Command class must be partial",
        "'{0}' declares QGA commands and must be partial (the generator adds the command handlers to it)");

    public static readonly DiagnosticDescriptor DuplicateCommandName = Error(
        "QGA0002", "Duplicate command name",
        "The command name '{0}' is already used by {1}", WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidCommandName = Error(
        "QGA0003", "Invalid command name",
        "'{0}' is not a valid command name: use lower-case letters and digits in dash-separated words, starting with a letter");

    public static readonly DiagnosticDescriptor CommandNameWithoutGuestPrefix = new(
        "QGA0004", "Command name does not start with 'guest-'",
        "The command name '{0}' does not start with 'guest-', as every qemu-ga command does",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "qga0004");

    public static readonly DiagnosticDescriptor InvalidHookName = Error(
        "QGA0005", "Invalid hook name",
        "'{0}' is not a valid hook name: use lower-case letters and digits in dash-separated words, starting with a letter");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "QGA0006", "Unsupported parameter type",
        "The parameter '{0}' has the type '{1}', which QGA commands cannot bind (unsupported: '{2}')");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "QGA0007", "Unsupported return type",
        "The command '{0}' returns '{1}', which QGA commands cannot return (unsupported: '{2}')");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "QGA0008", "Unsupported property type",
        "The property '{0}' of '{1}' has the type '{2}', which QGA commands cannot bind or return");

    public static readonly DiagnosticDescriptor UnsupportedParameterModifier = Error(
        "QGA0009", "ref, out, in and params parameters are not supported",
        "The parameter '{0}' of a QGA command cannot be ref, out, in or params");

    public static readonly DiagnosticDescriptor GenericCommandMethod = Error(
        "QGA0010", "Generic command method",
        "The QGA command method '{0}' cannot be generic");

    public static readonly DiagnosticDescriptor DuplicateHookArgument = Error(
        "QGA0011", "Duplicate hook argument",
        "The hook argument '{0}' of '{1}' is already used by '{2}'");

    public static readonly DiagnosticDescriptor MissingHookArgument = Error(
        "QGA0012", "Hook enum member without [HookArgument]",
        "The member '{0}' of a [Hook] enum needs [HookArgument] (for example [HookArgument(\"{1}\")])");

    public static readonly DiagnosticDescriptor InvalidHookArgument = Error(
        "QGA0013", "Empty or non-printable hook argument",
        "The hook argument of '{0}' must be a non-empty string without spaces or control characters");

    public static readonly DiagnosticDescriptor DuplicateHookName = Error(
        "QGA0014", "Duplicate hook name",
        "The hook name '{0}' is already used by {1}", WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HookClassNameCollision = Error(
        "QGA0015", "Generated hook class collides with an existing type",
        "The hook '{0}' generates the class '{1}', but a type with that name already exists");

    public static readonly DiagnosticDescriptor UnsupportedConstructorParameter = Error(
        "QGA0016", "Constructor parameter the agent cannot supply",
        "The agent cannot supply the parameter '{0}' of type '{1}': constructor parameters must be generated hook classes, [AgentService] types or other command classes");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Error(
        "QGA0017", "No usable constructor",
        "The agent cannot create '{0}': {1}");

    public static readonly DiagnosticDescriptor DependencyCycle = Error(
        "QGA0018", "Command classes depend on each other in a cycle",
        "The command class '{0}' is part of a constructor dependency cycle: {1}", WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor DuplicateParameterName = Error(
        "QGA0019", "Duplicate parameter or member name",
        "'{0}' and '{1}' both bind the JSON name '{2}'");

    public static readonly DiagnosticDescriptor UnsupportedCommandClass = Error(
        "QGA0020", "Unsupported command class",
        "'{0}' cannot declare QGA commands: command classes must be non-generic classes, and not abstract when they have instance commands");

    private static DiagnosticDescriptor Error(string id, string title, string message, params string[] tags)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant(), customTags: tags);
}
